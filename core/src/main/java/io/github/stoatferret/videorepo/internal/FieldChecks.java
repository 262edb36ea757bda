package io.github.stoatferret.videorepo.internal;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Validation of {@code Video} fields, kept apart from the record so that its rules read as a list.
 *
 * <p>Every rejection is an {@link InvalidArgumentException} that names the field and shows the
 * offending value (shortened when long), because a bulk import of a million rows is only debuggable
 * when the error says which value was wrong; its message starts with the field's name.
 */
public final class FieldChecks {

  /** The first instant a {@code Video} may hold: 0001-01-01T00:00:00Z. */
  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant a {@code Video} may hold, at microsecond precision: end of year 9999. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final int SHOWN_CHARS = 60;

  private FieldChecks() {}

  /**
   * Checks that a required field of a builder was set.
   *
   * @param <T> the field's type
   * @param field the field name for the message
   * @param value the value or {@code null}
   * @return the value
   * @throws InvalidArgumentException naming the field if it is {@code null}
   */
  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw InvalidArgumentException.isNull(field);
    }
    return value;
  }

  /**
   * Checks a required text field.
   *
   * @param field the field name for the message
   * @param value the value
   * @param maxLength the largest allowed {@link String#length()}
   * @return the value
   */
  public static String requiredText(String field, @Nullable String value, int maxLength) {
    return text(field, required(field, value), maxLength);
  }

  /**
   * Checks an optional text field: {@code null} passes, any other value must pass the rules of a
   * required one.
   *
   * @param field the field name for the message
   * @param value the value or {@code null}
   * @param maxLength the largest allowed {@link String#length()}
   * @return the value
   */
  public static @Nullable String optionalText(String field, @Nullable String value, int maxLength) {
    return value == null ? null : text(field, value, maxLength);
  }

  private static String text(String field, String value, int maxLength) {
    if (value.isBlank()) {
      throw new InvalidArgumentException(
          field, show(value), field + " must not be blank, was " + show(value));
    }
    if (value.length() > maxLength) {
      throw new InvalidArgumentException(
          field,
          show(value),
          field
              + " must be at most "
              + maxLength
              + " characters, was "
              + value.length()
              + ": "
              + show(value));
    }
    int bad = firstInvalidChar(value);
    if (bad >= 0) {
      String what = value.charAt(bad) == 0 ? "a NUL character" : "an unpaired surrogate";
      throw new InvalidArgumentException(
          field,
          show(value),
          field + " must not contain " + what + " (at index " + bad + "): " + show(value));
    }
    return value;
  }

  /**
   * Finds the first NUL or unpaired surrogate: text that cannot be stored as UTF-8 or in a C
   * string, and so would not round-trip through every backend.
   *
   * @param s the text
   * @return its index, or -1 when there is none
   */
  public static int firstInvalidChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Checks a non-negative number.
   *
   * @param field the field name for the message
   * @param value the value
   * @return the value
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidArgumentException(
          field, Long.toString(value), field + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Checks a positive number.
   *
   * @param field the field name for the message
   * @param value the value
   * @return the value
   */
  public static int positive(String field, int value) {
    if (value <= 0) {
      throw new InvalidArgumentException(
          field, Integer.toString(value), field + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * Checks an instant's range and truncates it to microseconds, the finest precision that every
   * backend (SQLite integers, JSON, most databases) can hold exactly.
   *
   * @param field the field name for the message
   * @param value the instant
   * @return the instant truncated to microseconds
   */
  public static Instant instant(String field, @Nullable Instant value) {
    Instant given = required(field, value);
    Instant micros = given.truncatedTo(ChronoUnit.MICROS);
    if (micros.isBefore(MIN_INSTANT) || micros.isAfter(MAX_INSTANT)) {
      throw new InvalidArgumentException(
          field, given.toString(), field + " must lie in years 0001 to 9999, was " + value);
    }
    return micros;
  }

  /**
   * Shows a value in a message: quoted, shortened when long, with control characters escaped so
   * that the message stays on one line.
   *
   * @param value the value
   * @return its printable form
   */
  public static String show(@Nullable String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int end = Math.min(value.length(), SHOWN_CHARS);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
      if (pair) {
        out.append(c).append(value.charAt(++i));
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (value.length() > SHOWN_CHARS) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
