package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The argument checks of rules VR-1.2 and VR-1.3, with messages that name the value. */
class ArgumentsTest {

  @Test
  void notNullNamesTheParameter() {
    assertSame("x", Arguments.notNull("x", "id"));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Arguments.notNull(null, "id"));
    assertEquals("id must not be null", e.getMessage());
  }

  @Test
  void noNullsNamesTheIndexOfANullElementAndCopies() {
    List<String> given = new ArrayList<>(List.of("a", "b"));
    List<String> copy = Arguments.noNulls(given, "videos");
    given.add("c");
    assertEquals(List.of("a", "b"), copy);
    assertThrows(UnsupportedOperationException.class, () -> copy.add("d"));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Arguments.noNulls(Arrays.asList("a", null), "videos"));
    assertEquals("videos[1] must not be null", e.getMessage());
    assertThrows(NullPointerException.class, () -> Arguments.noNulls(null, "videos"));
  }

  @Test
  void limitsAndOffsetsMayBeZeroButNotNegative() {
    assertEquals(0, Arguments.limit(0));
    assertEquals(0, Arguments.offset(0));
    assertEquals(Integer.MAX_VALUE, Arguments.limit(Integer.MAX_VALUE));
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> Arguments.limit(-1));
    assertEquals("limit must not be negative, was -1", limit.getMessage());
    IllegalArgumentException offset = assertThrows(IllegalArgumentException.class,
        () -> Arguments.offset(Integer.MIN_VALUE));
    assertEquals("offset must not be negative, was " + Integer.MIN_VALUE, offset.getMessage());
  }
}
