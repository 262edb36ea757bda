package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder's close timeout: a close behind a queue it cannot work off (here the writer waits for
 * another process's write lock) refuses what is still queued once the timeout passes, and every
 * stage completes; the commit under way finishes and is kept.
 */
class CloseTimeoutTest {

  @TempDir Path dir;

  @Test
  void writesStillQueuedAfterTheCloseTimeoutFailAsClosedAndTheRunningOneIsKept() throws Exception {
    Path file = dir.resolve("queued.db");
    SqliteVideoRepository.open(file).close(); // create the schema
    List<CompletableFuture<Video>> queued = new ArrayList<>();
    CompletableFuture<Video> first;
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      SqliteVideoRepository repo =
          SqliteVideoRepository.builder()
              .file(file)
              .busyTimeout(Duration.ofSeconds(20))
              .closeTimeout(Duration.ZERO)
              .open();
      s.execute("BEGIN IMMEDIATE"); // another process holds the write lock
      first = repo.add(Samples.video("first")).toCompletableFuture();
      while (repo.statistics().get("writes.queued") != 0) {
        Thread.sleep(5); // until the writer has taken it: it now waits for the lock
      }
      for (int i = 0; i < 50; i++) {
        queued.add(repo.add(Samples.video("queued" + i)).toCompletableFuture());
      }
      CompletableFuture<Void> closed = CompletableFuture.runAsync(repo::close);
      while (repo.health().toCompletableFuture().join().up()) {
        Thread.sleep(5); // until close has begun: it starts its clock, then waits for the writer
      }
      Thread.sleep(50);
      s.execute("COMMIT");
      closed.get(20, TimeUnit.SECONDS);
    }
    assertEquals("first", first.get(1, TimeUnit.SECONDS).id());
    for (CompletableFuture<Video> stage : queued) {
      CompletionException e = assertThrowsCompletion(stage);
      assertInstanceOf(RepositoryClosedException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("close timeout"), e.getCause().getMessage());
    }
    try (SqliteVideoRepository again = SqliteVideoRepository.open(file)) {
      assertEquals(1L, again.count().toCompletableFuture().join());
    }
  }

  private static CompletionException assertThrowsCompletion(CompletableFuture<?> stage) {
    assertTrue(stage.isDone(), "every stage completes by the end of close");
    try {
      stage.join();
    } catch (CompletionException e) {
      return e;
    }
    throw new AssertionError("expected a failure, got " + stage.join());
  }
}
