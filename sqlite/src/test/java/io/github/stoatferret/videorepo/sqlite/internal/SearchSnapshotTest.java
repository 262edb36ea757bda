package io.github.stoatferret.videorepo.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.ProgressHandler;

/**
 * A search whose rows come from two walks (the spill range, then the ordered range) reads both in
 * one snapshot, as one statement would: a batch committed between the two walks is seen whole or
 * not at all, never half.
 */
class SearchSnapshotTest {

  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  /** SQLite calls the progress handler every this many virtual-machine steps of a statement. */
  private static final int STEPS = 1000;

  @TempDir Path dir;

  private static Video video(String id, Instant at, String word) {
    return Video.builder()
        .id(id)
        .path("/lib/" + word + "/" + id + ".mp4")
        .filename(id + ".mp4")
        .durationFrames(10)
        .frameRate(25, 1)
        .resolution(640, 480)
        .videoCodec("h264")
        .fileSize(1)
        .timestamps(at)
        .build();
  }

  @Test
  void aBatchCommittedBetweenTheTwoWalksOfASearchIsSeenWholeOrNotAtAll() throws Exception {
    // One bucket filled (65,536 rows at one instant), then 5,000 matches that spill: the spill
    // walk alone runs thousands of steps, while the statements before it run a few dozen, so the
    // handler's first call (after STEPS steps of one statement) comes inside that walk.
    Path file = dir.resolve("snapshot.db");
    List<Video> all = new ArrayList<>();
    for (int i = 0; i < 65_536; i++) {
      all.add(video(String.format("m%06d", i), BASE, "meadow"));
    }
    for (int i = 0; i < 5_000; i++) {
      all.add(video(String.format("s%06d", i), BASE, "sunset"));
    }
    // Written between the walks, in one transaction: a spilled match and a newer ordered one,
    // each first in list order, so a search sees either both or, from before, neither.
    List<Video> batch =
        List.of(
            video("a-spilled", BASE, "sunset"), video("a-newer", BASE.plusSeconds(3600), "sunset"));
    try (SqliteVideoRepository writer = SqliteVideoRepository.open(file);
        Connection reading = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statements statements = new Statements(reading)) {
      for (int from = 0; from < all.size(); from += 5_000) {
        writer
            .addAll(all.subList(from, Math.min(all.size(), from + 5_000)))
            .toCompletableFuture()
            .join();
      }
      AtomicBoolean armed = new AtomicBoolean(true);
      ProgressHandler.setHandler(
          reading,
          STEPS,
          new ProgressHandler() {
            @Override
            protected int progress() {
              if (armed.getAndSet(false)) {
                writer.addAll(batch).toCompletableFuture().join();
              }
              return 0;
            }
          });

      List<String> during = ids(Reads.search(statements, SearchQuery.of("sunset"), 10));

      assertTrue(!armed.get(), "the batch was written while the search ran");
      assertEquals(
          ids(all.subList(65_536, 65_546)),
          during,
          "the search read the snapshot of its first statement");
      ProgressHandler.clearHandler(reading);
      List<String> after = ids(Reads.search(statements, SearchQuery.of("sunset"), 10));
      assertEquals(List.of("a-newer", "a-spilled"), after.subList(0, 2));
    }
  }

  private static List<String> ids(List<Video> videos) {
    return videos.stream().map(Video::id).toList();
  }
}
