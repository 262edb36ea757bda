package io.github.stoatferret.videorepo.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as whole microseconds since the epoch: the unit backends store {@code createdAt} and
 * {@code updatedAt} in, and the precision {@link io.github.stoatferret.videorepo.Video} keeps.
 */
public final class Micros {

  private Micros() {}

  /**
   * Converts an instant to microseconds since the epoch.
   *
   * @param instant the instant, at microsecond precision (as every {@code Video} instant is)
   * @return the microseconds
   * @throws ArithmeticException if the instant lies beyond the range a {@code long} holds
   */
  public static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * Converts microseconds since the epoch to an instant. Every {@code long} converts; whether the
   * instant is a valid {@code Video} instant (years 0001 to 9999) is for {@code Video} to say.
   *
   * @param micros the microseconds
   * @return the instant
   */
  public static Instant toInstant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
