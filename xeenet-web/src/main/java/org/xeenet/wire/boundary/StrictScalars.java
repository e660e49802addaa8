package org.xeenet.wire.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Readers of the contract's scalar fields that refuse what a lenient reader would silently change:
 * a number out of range or with a fraction where a whole number is expected, an infinite real, a
 * number or boolean where text is expected. Each refusal becomes a 400.
 */
final class StrictScalars {
  private StrictScalars() {}

  static final class Integers implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
      BigDecimal number = number(parser);
      try {
        return number == null ? null : number.intValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("a whole number between -2^31 and 2^31-1 is expected");
      }
    }
  }

  static final class Longs implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
      BigDecimal number = number(parser);
      try {
        return number == null ? null : number.longValueExact();
      } catch (ArithmeticException e) {
        throw new JsonbException("a whole number between -2^63 and 2^63-1 is expected");
      }
    }
  }

  static final class Doubles implements JsonbDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
      BigDecimal number = number(parser);
      if (number == null) {
        return null;
      }
      double value = number.doubleValue();
      if (!Double.isFinite(value)) {
        throw new JsonbException("a finite number is expected");
      }
      return value;
    }
  }

  static final class Strings implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (value instanceof JsonString text) {
        return text.getString();
      }
      throw new JsonbException("text is expected");
    }
  }

  /** The number at the parser, or null for a JSON null; anything else is refused. */
  private static BigDecimal number(JsonParser parser) {
    JsonValue value = parser.getValue();
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    throw new JsonbException("a number is expected");
  }
}
