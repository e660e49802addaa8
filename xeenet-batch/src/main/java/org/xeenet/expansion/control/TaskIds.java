package org.xeenet.expansion.control;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Task ids for bulk inserts: version-7 UUIDs (RFC 9562: 48-bit Unix milliseconds, then a 12-bit
 * sequence, then 62 random bits), so ids written one after the other sort one after the other and
 * the primary-key index grows at its end instead of splitting pages all over a 100,000-row B-tree
 * as random (version-4) ids do. Unique by their random part; the sequence only keeps the order
 * within one millisecond.
 */
final class TaskIds {
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int sequence;

  synchronized String next() {
    long millis = System.currentTimeMillis();
    if (millis > lastMillis) {
      lastMillis = millis;
      sequence = 0;
    } else if (++sequence > 0xFFF) {
      // more than 4,096 ids in one millisecond: borrow the next millisecond
      lastMillis++;
      sequence = 0;
    }
    long msb = (lastMillis << 16) | 0x7000L | sequence;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
