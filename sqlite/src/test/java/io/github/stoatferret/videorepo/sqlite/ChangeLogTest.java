package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.Video;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite change log beyond what the kit sees: how much the retention keeps, that numbering goes
 * on after pruning and reopening, and that changes another process (here, a second repository on
 * the same file) logged reach a live subscriber in order.
 */
class ChangeLogTest {

  @TempDir Path dir;

  private static long[] bounds(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT min(position), max(position), count(*)" + " FROM change_log")) {
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  @Test
  void theLogKeepsTheRetentionAndAtMostAQuarterMore() throws Exception {
    Path file = dir.resolve("retained.db");
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder().file(file).changeRetention(400).open()) {
      for (int i = 0; i < 3_000; i++) {
        repo.add(Samples.video("v" + i)).toCompletableFuture().join();
        if (i >= 400) {
          long kept = bounds(file)[2];
          assertTrue(kept >= 400 && kept <= 500, "after " + (i + 1) + " changes: " + kept);
        }
      }
    }
    long[] b = bounds(file);
    assertEquals(3_000, b[1]);
    assertEquals(b[1] - b[0] + 1, b[2], "the kept changes are the latest, without a hole");
  }

  @Test
  void pruningByAgeKeepsTheLatestAndNumberingGoesOnAfterReopening() throws Exception {
    Path file = dir.resolve("aged.db");
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder()
            .file(file)
            .changeRetention(4)
            .changeRetentionAge(Duration.ofNanos(1_000))
            .open()) {
      for (int i = 0; i < 10; i++) {
        repo.add(Samples.video("v" + i)).toCompletableFuture().join();
        Thread.sleep(1);
      }
    }
    long[] b = bounds(file);
    assertEquals(10, b[1]);
    assertTrue(b[2] <= 2, "everything older than a microsecond is gone but the latest: " + b[2]);
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      Video next = Samples.video("after-reopening");
      repo.add(next).toCompletableFuture().join();
      List<ChangeFeedEvent> tail =
          FeedCollector.first(repo.changesAfter(new ChangePosition(10)), 1, Duration.ofSeconds(10));
      assertEquals(new ChangePosition(11), tail.get(0).position());
      assertEquals(
          next,
          ((io.github.stoatferret.videorepo.VideoChangeEvent.Added) tail.get(0).change()).video());
    }
  }

  @Test
  void changesOfAnotherWriterReachALiveSubscriberInOrder() throws Exception {
    Path file = dir.resolve("shared.db");
    try (SqliteVideoRepository mine = SqliteVideoRepository.open(file);
        SqliteVideoRepository theirs = SqliteVideoRepository.open(file)) {
      FeedCollector live = FeedCollector.subscribe(mine.changes());
      theirs.add(Samples.video("theirs-1")).toCompletableFuture().join();
      theirs.add(Samples.video("theirs-2")).toCompletableFuture().join();
      mine.add(Samples.video("mine")).toCompletableFuture().join();
      List<ChangeFeedEvent> got = live.await(3, Duration.ofSeconds(10));
      assertEquals(
          List.of("theirs-1", "theirs-2", "mine"), got.stream().map(ChangeFeedEvent::id).toList());
      assertEquals(List.of(1L, 2L, 3L), got.stream().map(e -> e.position().value()).toList());
    }
  }
}
