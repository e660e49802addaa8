package org.xeenet.wire.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance of the REST API. Optional fields of the contract may be absent from a
 * request: creator parameters are therefore not required (JSON-B 3.0's default, stated here because
 * the runtime's provider does not apply it to records with a {@code @JsonbCreator}).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .setProperty(JsonbConfig.CREATOR_PARAMETERS_REQUIRED, false)
              .withDeserializers(
                  new StrictScalars.Integers(),
                  new StrictScalars.Longs(),
                  new StrictScalars.Doubles(),
                  new StrictScalars.Strings()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
