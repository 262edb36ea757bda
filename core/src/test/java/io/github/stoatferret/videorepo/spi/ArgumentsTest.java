package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The argument checks of rules VR-1.2 and VR-1.3: one type, InvalidArgumentException, naming the
 * parameter and the value.
 */
class ArgumentsTest {

  @Test
  void notNullNamesTheParameter() {
    assertSame("x", Arguments.notNull("x", "id"));
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> Arguments.notNull(null, "id"));
    assertEquals("id must not be null", e.getMessage());
    assertEquals("id", e.parameter());
    assertEquals("null", e.value());
  }

  @Test
  void noNullsNamesTheIndexOfANullElementAndCopies() {
    List<String> given = new ArrayList<>(List.of("a", "b"));
    List<String> copy = Arguments.noNulls(given, "videos");
    given.add("c");
    assertEquals(List.of("a", "b"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("d"));
    InvalidArgumentException e =
        assertThrows(
            InvalidArgumentException.class,
            () -> Arguments.noNulls(Arrays.asList("a", null), "videos"));
    assertEquals("videos[1] must not be null", e.getMessage());
    assertEquals("videos[1]", e.parameter());
    assertEquals(
        "videos",
        assertThrows(InvalidArgumentException.class, () -> Arguments.noNulls(null, "videos"))
            .parameter());
  }

  @Test
  void limitsAndOffsetsMayBeZeroButNotNegative() {
    assertEquals(0, Arguments.limit(0));
    assertEquals(0, Arguments.offset(0));
    assertEquals(Integer.MAX_VALUE, Arguments.limit(Integer.MAX_VALUE));
    InvalidArgumentException limit =
        assertThrows(InvalidArgumentException.class, () -> Arguments.limit(-1));
    assertEquals("limit must not be negative, was -1", limit.getMessage());
    assertEquals("limit", limit.parameter());
    assertEquals("-1", limit.value());
    InvalidArgumentException offset =
        assertThrows(InvalidArgumentException.class, () -> Arguments.offset(Integer.MIN_VALUE));
    assertEquals("offset must not be negative, was " + Integer.MIN_VALUE, offset.getMessage());
    assertEquals("offset", offset.parameter());
  }
}
