package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instants stored as microseconds read back equal (VR-1.7), before the epoch too. */
class MicrosTest {

  @Test
  void roundTripsEveryVideoInstant() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "2024-05-01T12:00:00.123456Z",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999Z",
          "1969-12-31T23:59:59.999999Z"
        }) {
      Instant instant = Instant.parse(text);
      assertEquals(instant, Micros.toInstant(Micros.of(instant)), text);
    }
  }

  @Test
  void countsMicrosecondsSinceTheEpoch() {
    assertEquals(0, Micros.of(Instant.EPOCH));
    assertEquals(-1, Micros.of(Instant.parse("1969-12-31T23:59:59.999999Z")));
    assertEquals(1_000_001, Micros.of(Instant.parse("1970-01-01T00:00:01.000001Z")));
  }

  @Test
  void refusesAnInstantBeyondALong() {
    assertThrows(ArithmeticException.class, () -> Micros.of(Instant.MAX));
  }
}
