package io.github.stoatferret.videorepo.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When a full merge of the trigram index falls due: at open, then only after writes reach a quarter
 * of the library (at least {@link SearchIndexMerger#MIN_CHANGES}), so that a trickle of writes does
 * not make the writer rewrite a large index over and over; and that a merge comes to an end though
 * writes come between its steps.
 */
class SearchIndexMergerTest {

  private static Statements open() throws Exception {
    return new Statements(
        Database.of(null, Durability.NORMAL, Duration.ofSeconds(1), 0).openWriter());
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
  void aMergeFinishesThoughAWriteComesBetweenEveryTwoSteps() throws Exception {
    try (Statements s = open()) {
      int n = 0;
      for (int commit = 0; commit < 30; commit++) { // 30 segments, a few MB of index in all
        s.execute("BEGIN IMMEDIATE");
        for (int i = 0; i < 500; i++) {
          Writes.add(s, video(n++), e -> {});
        }
        s.searchIndex().flush(s);
        s.execute("COMMIT");
      }
      SearchIndexMerger merger = new SearchIndexMerger();
      int steps = 0;
      while (merger.due() && steps < 2_000) {
        merger.step(s);
        steps++;
        s.execute("BEGIN IMMEDIATE"); // a write after every step adds a segment
        Writes.add(s, video(n++), e -> {});
        s.searchIndex().flush(s);
        s.execute("COMMIT");
      }
      assertFalse(merger.due(), "the merge was still going after " + steps + " steps");
      assertTrue(steps >= 10, "a merge done in " + steps + " steps does not test going on");
      assertEquals(
          n, Reads.search(s, SearchQuery.of("clip"), n + 1).size(), "every video is still found");
    }
  }

  /** A video with a long, varied path, so that the index is large. */
  private static Video video(int n) {
    Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(n);
    String dir = Integer.toHexString(n * 0x9E3779B1);
    return Video.builder()
        .id("v" + n)
        .path(
            "/library/"
                + dir
                + "/"
                + n % 97
                + "/clip-"
                + n
                + "-"
                + Integer.toString(n * 31 + 7, 36)
                + ".mp4")
        .filename("clip-" + n + ".mp4")
        .durationFrames(10)
        .frameRate(25, 1)
        .resolution(640, 480)
        .videoCodec("h264")
        .fileSize(100)
        .timestamps(t)
        .build();
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
