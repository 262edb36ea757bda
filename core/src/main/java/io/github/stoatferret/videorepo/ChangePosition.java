package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import org.jspecify.annotations.Nullable;

/**
 * Where a change stands in a catalogue's commit order (rule VR-17.1): a later commit has a greater
 * position. A subscriber keeps the position of the last change it handled and resumes after it with
 * {@link VideoRepository#changesAfter}; {@link #toString()} and {@link #parse} turn it into text
 * and back, for a Server-Sent Events {@code id} or a checkpoint file.
 *
 * @param value the position as a number: 1 for a catalogue's first change, {@code 0} for {@link
 *     #START}, before every change
 */
public record ChangePosition(long value) implements Comparable<ChangePosition> {

  /** Before the first change: {@code changesAfter(START)} asks for every change kept. */
  public static final ChangePosition START = new ChangePosition(0);

  /**
   * Checks the value is not negative.
   *
   * @param value the {@linkplain #value() value}
   * @throws InvalidArgumentException if it is negative
   */
  public ChangePosition {
    if (value < 0) {
      throw new InvalidArgumentException(
          "position", Long.toString(value), "position must not be negative, was " + value);
    }
  }

  /**
   * Reads a position written by {@link #toString()}.
   *
   * @param text the decimal number, e.g. from a {@code Last-Event-ID} header
   * @return the position
   * @throws InvalidArgumentException if the text is not a non-negative decimal number
   */
  public static ChangePosition parse(@Nullable String text) {
    if (text == null) {
      throw InvalidArgumentException.isNull("position");
    }
    try {
      if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return new ChangePosition(Long.parseLong(text));
      }
    } catch (NumberFormatException tooLarge) {
      // reported below, as any other text that is no position
    }
    String shown = FieldChecks.show(text);
    throw new InvalidArgumentException(
        "position", shown, "position must be a non-negative decimal number, was " + shown);
  }

  /**
   * Whether this position comes after another.
   *
   * @param other the other position
   * @return {@code true} if this one is greater
   */
  public boolean isAfter(ChangePosition other) {
    return value > other.value;
  }

  @Override
  public int compareTo(ChangePosition other) {
    return Long.compare(value, other.value);
  }

  /**
   * The position as a decimal number, which {@link #parse} reads back.
   *
   * @return the text, e.g. {@code "4711"}
   */
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
