package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** VR-7.1 to 7.3: the three kinds of query, decided once for every backend. */
class SearchQueryTest {

  @Test
  void aQueryWithNulOrAnUnpairedSurrogateMatchesNothing() {
    for (String query : new String[] {"a\0b", "\uD800", "x\uDC00"}) {
      SearchQuery q = SearchQuery.of(query);
      assertTrue(q.matchesNothing(), query);
      assertFalse(q.matchesEverything(), query);
      assertThrows(IllegalStateException.class, q::folded);
    }
  }

  @Test
  void theEmptyQueryMatchesEverything() {
    SearchQuery q = SearchQuery.of("");
    assertTrue(q.matchesEverything());
    assertFalse(q.matchesNothing());
    assertThrows(IllegalStateException.class, q::folded);
  }

  @Test
  void anyOtherQueryIsFoldedOnce() {
    SearchQuery q = SearchQuery.of("Straße ﬁle %_");
    assertFalse(q.matchesNothing());
    assertFalse(q.matchesEverything());
    assertEquals("strasse file %_", q.folded());
    assertEquals(SearchQuery.of("STRASSE FILE %_"), q);
  }
}
