package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the engine that the contract does not cover: threads, batching, plans. */
class EngineTest {

  @TempDir Path dir;

  private static Set<String> engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.startsWith("videorepo-sqlite-"))
        .collect(Collectors.toSet());
  }

  @Test
  void stagesCompleteOffTheEngineThreadsAndABlockedCallbackStallsNothing() throws Exception {
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("a.db"))) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<String> callbackThread = new AtomicReference<>();
      CompletableFuture<Void> blocked =
          repo.add(Samples.video("slow"))
              .thenAccept(
                  v -> {
                    callbackThread.set(Thread.currentThread().getName());
                    try {
                      release.await(); // a user callback that blocks
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  })
              .toCompletableFuture();
      // While it blocks, writes and reads keep completing.
      for (int i = 0; i < 50; i++) {
        Video v = Samples.video("v" + i);
        repo.add(v).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(repo.get(v.id()).toCompletableFuture().get(10, TimeUnit.SECONDS).isPresent());
      }
      assertFalse(blocked.isDone());
      release.countDown();
      blocked.get(10, TimeUnit.SECONDS);
      String name = callbackThread.get();
      assertFalse(
          name.contains("writer") || name.contains("reader"),
          "callback ran on engine thread " + name);
    }
  }

  @Test
  void aClashFailsOnlyItsOwnWriteInAGroup() throws Exception {
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("g.db"))) {
      repo.add(Samples.video("taken")).toCompletableFuture().join();
      List<CompletableFuture<Video>> stages = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Video v = i % 10 == 5 ? Samples.video("taken", "/clash/" + i, i) : Samples.video("w" + i);
        stages.add(repo.add(v).toCompletableFuture());
      }
      for (int i = 0; i < 200; i++) {
        CompletableFuture<Video> s = stages.get(i);
        if (i % 10 == 5) {
          Throwable t = s.handle((v, e) -> e).get(10, TimeUnit.SECONDS);
          assertTrue(t instanceof DuplicateVideoException, "write " + i + ": " + t);
        } else {
          assertEquals("w" + i, s.get(10, TimeUnit.SECONDS).id());
        }
      }
      assertEquals(181L, repo.count().toCompletableFuture().join());
    }
  }

  @Test
  void frequentAndRareTermsFindWhatTheFoldingFunctionFinds() throws Exception {
    // More candidates than the sparse limit, so that both search plans run.
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("s.db"))) {
      List<Video> batch = new ArrayList<>();
      for (int i = 0; i < 6000; i++) {
        String tag = i % 2 == 0 ? "Sunset" : i % 500 == 1 ? "ZEPPELIN" : "beach";
        Video v = Samples.video("v" + i, "/lib/" + (i % 7) + "/clip-" + i + "-" + tag + ".mp4", i);
        batch.add(i % 3 == 0 ? v.toBuilder().filename("Other Name " + tag + ".MP4").build() : v);
      }
      repo.addAll(batch).toCompletableFuture().join();
      List<Video> all = repo.list(10_000, 0).toCompletableFuture().join();
      for (String q :
          List.of(
              "sunset",
              "SUNSET.mp",
              "zeppelin",
              "eppel",
              "other name",
              "e n",
              "nothing-like-this",
              "clip-59",
              "-1-",
              "\"q\"")) {
        for (int limit : new int[] {1, 100, 10_000}) {
          List<Video> expected =
              all.stream()
                  .filter(v -> io.github.stoatferret.videorepo.SearchText.matches(v, q))
                  .limit(limit)
                  .toList();
          assertEquals(
              expected,
              repo.search(q, limit).toCompletableFuture().join(),
              "search(" + q + ", " + limit + ")");
        }
      }
    }
  }

  @Test
  void closeStopsEveryThreadItStarted() throws Exception {
    Set<String> before = engineThreads();
    for (int round = 0; round < 5; round++) {
      SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("t.db"));
      repo.add(Samples.video("v" + round))
          .thenCompose(v -> repo.get(v.id()))
          .toCompletableFuture()
          .join();
      repo.close();
    }
    assertEquals(before, engineThreads());
  }

  @Test
  void commitsReachTheDatabaseFileWhileTheRepositoryIsOpen() throws Exception {
    Path file = dir.resolve("checkpointed.db");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      long before = Files.size(file);
      List<Video> batch = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        batch.add(Samples.video("c" + i, "/checkpointed/" + i + ".mp4", i));
      }
      repo.addAll(batch).toCompletableFuture().get(30, TimeUnit.SECONDS);
      // A few hundred WAL pages, far below the writer's own checkpoint threshold (65,536 pages):
      // only the background checkpointer copies them into the file before close.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (Files.size(file) <= before && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(Files.size(file) > before, "the database file stayed at " + before + " bytes");
      assertEquals(500L, repo.count().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void anIdleRepositoryMergesTheTrigramIndexThatEarlierCommitsLeftInPieces() throws Exception {
    Path file = dir.resolve("merged.db");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      for (int i = 0; i < 40; i++) { // one commit each: FTS5 writes a segment per transaction
        repo.add(Samples.video("m" + i, "/merged/clip-" + i + ".mp4", i))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
    }
    assertTrue(mergeWorkLeft(file) >= 2, "the index was already in one piece: nothing to test");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      long left;
      while ((left = mergeWorkLeft(file)) >= 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(left < 2, "the index is still in pieces: a merge would change " + left + " rows");
      assertEquals(
          40, repo.search("clip", 100).toCompletableFuture().get(10, TimeUnit.SECONDS).size());
      assertEquals(
          1, repo.search("clip-17.", 100).toCompletableFuture().get(10, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void optimizeMergesTheIndexAtOnceAndCloseWaitsForIt() throws Exception {
    Path file = dir.resolve("optimized.db");
    CompletionStage<Void> asked;
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      // The merge due at open, done now: 40 commits are far too few to make another due.
      repo.optimize().toCompletableFuture().get(60, TimeUnit.SECONDS);
      for (int i = 0; i < 40; i++) {
        repo.add(Samples.video("o" + i, "/optimized/clip-" + i + ".mp4", i))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      assertTrue(mergeWorkLeft(file) >= 2, "the index was already in one piece: nothing to test");
      repo.optimize().toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertTrue(mergeWorkLeft(file) < 2, "optimize completed with the index still in pieces");
      for (int i = 40; i < 80; i++) {
        repo.add(Samples.video("o" + i, "/optimized/clip-" + i + ".mp4", i))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      asked = repo.optimize(); // and close at once
    }
    asked.toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertTrue(mergeWorkLeft(file) < 2, "close did not wait for the merge asked for before it");
    SqliteVideoRepository reopened = SqliteVideoRepository.open(file);
    try {
      assertEquals(
          80, reopened.search("clip", 100).toCompletableFuture().get(10, TimeUnit.SECONDS).size());
    } finally {
      reopened.close();
    }
    ExecutionException refused =
        assertThrows(
            ExecutionException.class,
            () -> reopened.optimize().toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertInstanceOf(RepositoryClosedException.class, refused.getCause());
    try (SqliteVideoRepository memory = SqliteVideoRepository.builder().inMemory().open()) {
      memory.add(Samples.video("m", "/m.mp4", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      memory.optimize().toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertEquals(
          1, memory.search("m.mp4", 10).toCompletableFuture().get(10, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void optimizeFinishesWhileWritesNeverLeaveTheWriterIdle() throws Exception {
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("busy.db"))) {
      for (int i = 0; i < 40; i++) {
        repo.add(Samples.video("b" + i, "/busy/" + i + ".mp4", i))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      // 16 writes always outstanding: the queue is never empty for the 100 ms that idle merging
      // waits for, so only a step run between groups can finish the merge.
      CompletableFuture<Void> merged = repo.optimize().toCompletableFuture();
      Semaphore outstanding = new Semaphore(16);
      AtomicReference<Throwable> writeFailure = new AtomicReference<>();
      int queued = 0;
      while (!merged.isDone() && queued < 20_000) {
        outstanding.acquire();
        repo.add(Samples.video("w" + queued, "/busy/w" + queued + ".mp4", queued))
            .whenComplete(
                (v, e) -> {
                  if (e != null) {
                    writeFailure.compareAndSet(null, e);
                  }
                  outstanding.release();
                });
        queued++;
      }
      assertTrue(merged.isDone(), "optimize still pending with " + queued + " writes behind it");
      merged.get();
      outstanding.acquire(16);
      assertEquals(null, writeFailure.get());
      assertEquals(40L + queued, repo.count().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aRefusedBatchLeavesNothingInTheTrigramIndex() throws Exception {
    Path file = dir.resolve("refused.db");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      repo.add(Samples.video("taken", "/refused/taken.mp4", 50))
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      // Oldest first, the two new videos are inserted before the clash is found.
      List<Video> batch =
          List.of(
              Samples.video("n1", "/refused/n1.mp4", 1),
              Samples.video("n2", "/refused/n2.mp4", 2),
              Samples.video("n3", "/refused/taken.mp4", 3));
      ExecutionException refused =
          assertThrows(
              ExecutionException.class,
              () -> repo.addAll(batch).toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertInstanceOf(DuplicateVideoException.class, refused.getCause());
      repo.add(Samples.video("after", "/refused/after.mp4", 60))
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM videos_search),"
                    + " (SELECT count(*) FROM videos)")) {
      rs.next();
      assertEquals(rs.getLong(2), rs.getLong(1), "rows in the trigram index vs in the table");
    }
  }

  /**
   * How many rows a full merge of the trigram index would change, found by running one and rolling
   * it back: fewer than 2 when it is in one piece.
   */
  private static long mergeWorkLeft(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute("BEGIN IMMEDIATE");
      try {
        long before = totalChanges(s);
        s.executeUpdate(
            "INSERT INTO videos_search (videos_search, rank) VALUES ('merge', -100000)");
        return totalChanges(s) - before;
      } finally {
        s.execute("ROLLBACK");
      }
    }
  }

  private static long totalChanges(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT total_changes()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void pagesAndShortSearchesSeekTheListIndex() throws Exception {
    Path file = dir.resolve("plan.db");
    SqliteVideoRepository.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      String plan =
          plan(
              s,
              "EXPLAIN QUERY PLAN SELECT id FROM videos WHERE (list_key, id) >"
                  + " (-5, 'x') ORDER BY list_key, id LIMIT 11");
      assertTrue(
          plan.contains("SEARCH videos USING")
              && plan.contains("videos_list_order")
              && !plan.contains("TEMP B-TREE"),
          plan);
      String scan =
          plan(
              s,
              "EXPLAIN QUERY PLAN SELECT id FROM videos WHERE"
                  + " instr(search_path, 'ab') > 0 ORDER BY list_key, id LIMIT 100");
      assertTrue(scan.contains("videos_list_order") && !scan.contains("TEMP B-TREE"), scan);
    }
  }

  private static String plan(Statement s, String sql) throws Exception {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString("detail")).append('\n');
      }
    }
    return out.toString();
  }
}
