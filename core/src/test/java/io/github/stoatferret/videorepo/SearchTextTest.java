package io.github.stoatferret.videorepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

  @Test
  void foldsCaseBeyondAscii() {
    assertEquals("strasse", SearchText.fold("Straße"));
    assertEquals(SearchText.fold("STRASSE"), SearchText.fold("straße"));
    assertEquals("istanbul", SearchText.fold("İSTANBUL"));
    assertEquals("istanbul", SearchText.fold("ıstanbul"));
    assertEquals(SearchText.fold("ΟΔΟΣ"), SearchText.fold("οδος"));
    assertEquals(SearchText.fold("ΟΔΟΣ"), SearchText.fold("οδοσ"));
    assertEquals("äbc", SearchText.fold("ÄBC"));
    assertEquals(SearchText.fold("café"), SearchText.fold("Cafe\u0301"));
    assertEquals("fi", SearchText.fold("ﬁ"));
    assertEquals("a", SearchText.fold("Ａ"));
    assertEquals("k", SearchText.fold("\u212A")); // Kelvin sign
    assertEquals("😀", SearchText.fold("😀"));
    assertEquals(SearchText.fold("\uD801\uDC28"), SearchText.fold("\uD801\uDC00")); // Deseret
  }

  @Test
  void foldingIsIdempotent() {
    for (String s :
        List.of(
            "Straße",
            "İstanbul",
            "ǅemal",
            "ΐ",
            "ﬃ",
            "Cafe\u0301",
            "ﾊﾟ",
            "Ω",
            "ŉ",
            "ǰ",
            "ẞ",
            "\u1E9E",
            "Ⅻ",
            "㎒",
            "x\u0345")) {
      String once = SearchText.fold(s);
      assertEquals(once, SearchText.fold(once), "fold of " + s);
    }
  }

  @Test
  void matchesFilenameOrPathAndTakesQueriesLiterally() {
    Video v = VideoTest.valid().path("/Holiday/100%_Real.MP4").filename("Beach.mp4").build();
    assertTrue(SearchText.matches(v, "beach"));
    assertTrue(SearchText.matches(v, "100%_r"));
    assertTrue(SearchText.matches(v, ""));
    assertFalse(SearchText.matches(v, "100_%"));
    assertFalse(SearchText.matches(v, "%" + "beach"));
    assertFalse(SearchText.matches(v, "\u0000"));
    assertFalse(SearchText.isMatchable("a\uD800"));
    assertTrue(SearchText.isMatchable("a😀"));
  }

  @Test
  void idOrderIsCodePointOrder() {
    List<String> ids = new java.util.ArrayList<>(List.of("😀", "\uFFFD", "b", "B", "a", "ab", ""));
    ids.sort(VideoOrder.ID_ORDER);
    assertEquals(List.of("", "B", "a", "ab", "b", "\uFFFD", "😀"), ids);
  }
}
