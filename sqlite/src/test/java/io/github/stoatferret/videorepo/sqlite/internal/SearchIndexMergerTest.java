package io.github.stoatferret.videorepo.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.sqlite.Durability;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When a full merge of the trigram index falls due: at open, then only after writes reach a
 * quarter of the library (at least {@link SearchIndexMerger#MIN_CHANGES}), so that a trickle of
 * writes does not make the writer rewrite a large index over and over.
 */
class SearchIndexMergerTest {

  private static Statements open() throws Exception {
    return new Statements(Database.of(null, Durability.NORMAL, Duration.ofSeconds(1), 0)
        .openWriter());
  }

  @Test
  void dueAtOpenThenAfterAThousandChangesInASmallLibrary() throws Exception {
    try (Statements s = open()) {
      SearchIndexMerger merger = new SearchIndexMerger();
      assertTrue(merger.due(), "at open, what earlier sessions left is unknown");
      merger.step(s); // an empty index: nothing to merge, so the merge is done
      assertFalse(merger.due());
      merger.committed(SearchIndexMerger.MIN_CHANGES - 1);
      assertFalse(merger.due());
      merger.committed(1);
      assertTrue(merger.due());
    }
  }

  @Test
  void dueAfterAQuarterOfALargeLibrary() throws Exception {
    try (Statements s = open()) {
      s.execute("UPDATE video_count SET n = 40000"); // the size the writer keeps (schema V2)
      SearchIndexMerger merger = new SearchIndexMerger();
      merger.step(s);
      assertFalse(merger.due());
      merger.committed(9_999);
      assertFalse(merger.due(), "a quarter of 40,000 is 10,000");
      merger.committed(1);
      assertTrue(merger.due());
    }
  }

  @Test
  void aPostponedMergeWaitsForMoreWrites() throws Exception {
    try (Statements s = open()) {
      SearchIndexMerger merger = new SearchIndexMerger();
      merger.postpone();
      assertFalse(merger.due());
      merger.committed(SearchIndexMerger.MIN_CHANGES);
      assertTrue(merger.due());
      merger.step(s);
      assertFalse(merger.due());
    }
  }
}
