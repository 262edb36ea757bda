package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks that every {@link io.github.stoatferret.videorepo.VideoRepository} makes,
 * with the messages the contract expects. They throw; a backend calls them inside the code whose
 * exceptions it turns into a failed stage (see {@link Stages#run}).
 */
public final class Arguments {

  private Arguments() {}

  /**
   * Checks a non-null argument.
   *
   * @param <T> its type
   * @param value the argument
   * @param name the parameter name
   * @return the argument
   * @throws InvalidArgumentException naming the parameter
   */
  public static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw InvalidArgumentException.isNull(name);
    }
    return value;
  }

  /**
   * Checks a list and each of its elements for null, and copies it.
   *
   * @param <T> the element type
   * @param values the list
   * @param name the parameter name
   * @return an unmodifiable copy
   * @throws InvalidArgumentException naming the parameter and the index of a null element
   */
  public static <T> List<T> noNulls(List<T> values, String name) {
    notNull(values, name);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw InvalidArgumentException.isNull(name + "[" + i + "]");
      }
    }
    return List.copyOf(values);
  }

  /**
   * Checks a limit.
   *
   * @param limit the limit
   * @return the limit
   * @throws InvalidArgumentException if negative
   */
  public static int limit(int limit) {
    if (limit < 0) {
      throw new InvalidArgumentException(
          "limit", Integer.toString(limit), "limit must not be negative, was " + limit);
    }
    return limit;
  }

  /**
   * Checks an offset.
   *
   * @param offset the offset
   * @return the offset
   * @throws InvalidArgumentException if negative
   */
  public static int offset(int offset) {
    if (offset < 0) {
      throw new InvalidArgumentException(
          "offset", Integer.toString(offset), "offset must not be negative, was " + offset);
    }
    return offset;
  }
}
