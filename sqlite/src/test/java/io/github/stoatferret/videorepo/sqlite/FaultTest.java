package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage faults: a full database, damaged and read-only files, a lock held by another. */
class FaultTest {

  @TempDir Path dir;

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private static String integrity(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      return rs.getString(1);
    }
  }

  /**
   * Adds videos one by one until an add fails.
   *
   * @param stored collects the ids of the acknowledged adds
   * @return the failure of the first add that failed, or null after 100,000 adds
   */
  private static Throwable addUntilFull(
      SqliteVideoRepository repo, IntFunction<Video> video, List<String> stored) {
    for (int i = 0; i < 100_000; i++) {
      Video v = video.apply(i);
      Throwable failed = failure(repo.add(v).toCompletableFuture());
      if (failed != null) {
        return failed;
      }
      stored.add(v.id());
    }
    return null;
  }

  @Test
  void aFullDatabaseFailsWritesCleanlyAndRecoversWhenSpaceIsFreed() throws Exception {
    Path file = dir.resolve("full.db");
    List<String> stored = new ArrayList<>();
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder().file(file).maxDatabaseSize(1 << 20).open()) {
      Throwable full =
          addUntilFull(
              repo, i -> Samples.video("v" + i, "/" + "x".repeat(1000) + "/" + i, i), stored);
      assertTrue(full instanceof StorageException, "expected StorageException, got " + full);
      assertFalse(((StorageException) full).isRetryable());
      assertTrue(full.getMessage().contains("full"), full.getMessage());
      // Reads keep working and see exactly the acknowledged writes.
      assertEquals((long) stored.size(), repo.count().toCompletableFuture().join());
      assertTrue(repo.get(stored.get(0)).toCompletableFuture().join().isPresent());
      // A batch that does not fit is refused whole.
      List<Video> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        batch.add(Samples.video("batch" + i, "/" + "y".repeat(1000) + "/" + i, i));
      }
      assertTrue(failure(repo.addAll(batch).toCompletableFuture()) instanceof StorageException);
      assertEquals((long) stored.size(), repo.count().toCompletableFuture().join());
      // Space back: deletes free pages, and writes succeed again.
      for (String id : stored.subList(0, stored.size() / 2)) {
        repo.delete(id).toCompletableFuture().join();
      }
      repo.add(Samples.video("after", "/after", 0)).toCompletableFuture().join();
    }
    assertEquals("ok", integrity(file));
  }

  @Test
  void aMergeOfTheSearchIndexThatDoesNotFitFailsOptimizeAndLosesNothing() throws Exception {
    Path file = dir.resolve("full-merge.db");
    List<String> stored = new ArrayList<>();
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder().file(file).maxDatabaseSize(1 << 20).open()) {
      Throwable full =
          addUntilFull(
              repo, // one commit, one index segment each
              i -> Samples.video("v" + i, "/merge/" + "z".repeat(500) + "/clip-" + i, i),
              stored);
      assertTrue(full instanceof StorageException, "expected a full database, got " + full);
      // Merging writes the merged segment before it frees the pieces: there is no room for it.
      Throwable merge = failure(repo.optimize().toCompletableFuture());
      assertTrue(merge instanceof StorageException, "expected StorageException, got " + merge);
      assertTrue(
          merge.getMessage().contains("merging the search index")
              && merge.getMessage().contains("full"),
          merge.getMessage());
      // The failed step was rolled back: every acknowledged video is still stored and found.
      assertEquals((long) stored.size(), repo.count().toCompletableFuture().join());
      String last = stored.get(stored.size() - 1);
      List<Video> found = repo.search("clip-" + last.substring(1), 10).toCompletableFuture().join();
      assertEquals(List.of(last), found.stream().map(Video::id).toList());
      assertTrue(repo.get(stored.get(0)).toCompletableFuture().join().isPresent());
    }
    assertEquals("ok", integrity(file));
  }

  @Test
  void aTruncatedDatabaseIsRefusedAtOpenUntouched() throws Exception {
    Path file = dir.resolve("truncated.db");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      List<Video> batch = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        batch.add(Samples.video("v" + i, "/videos/" + i + "/" + "p".repeat(100), i));
      }
      repo.addAll(batch).toCompletableFuture().join();
    }
    byte[] whole = Files.readAllBytes(file);
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
    Files.write(file, half);
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals(half, Files.readAllBytes(file));
  }

  @Test
  void aReadOnlyFileIsRefusedAtOpenUntouched() throws Exception {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root ignores file permissions, so a read-only file cannot be made here");
    Path file = dir.resolve("ro.db");
    SqliteVideoRepository.open(file).close();
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aWriteLockHeldPastTheBusyTimeoutFailsWritesRetryablyThenRecovers() throws Exception {
    Path file = dir.resolve("locked.db");
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder().file(file).busyTimeout(Duration.ofMillis(200)).open()) {
      repo.add(Samples.video("before")).toCompletableFuture().join();
      // Another connection (as another process would) takes the write lock and keeps it.
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        long start = System.nanoTime();
        Throwable t = failure(repo.add(Samples.video("blocked")).toCompletableFuture());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(t instanceof StorageException, "expected StorageException, got " + t);
        assertTrue(((StorageException) t).isRetryable());
        assertTrue(waited < 10_000, "no hang: waited " + waited + " ms");
        // Reads are not blocked by a writer in WAL mode.
        assertTrue(repo.get("before").toCompletableFuture().join().isPresent());
        s.execute("ROLLBACK");
      }
      repo.add(Samples.video("after")).toCompletableFuture().join();
      assertTrue(repo.get("blocked").toCompletableFuture().join().isEmpty());
      assertEquals(2L, repo.count().toCompletableFuture().join());
    }
  }

  @Test
  void aBlockingListenerDelaysOnlyItsOwnEvents() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<VideoChangeEvent> events = Collections.synchronizedList(new ArrayList<>());
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder()
            .file(dir.resolve("l.db"))
            .listener(
                e -> {
                  try {
                    release.await();
                  } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                  }
                  events.add(e);
                })
            .open()) {
      for (int i = 0; i < 100; i++) {
        repo.add(Samples.video("v" + i)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      assertEquals(100L, repo.count().toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertTrue(events.isEmpty());
      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (events.size() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(100, events.size());
    }
  }

  @Test
  void closeWithAThousandOperationsInFlightLeavesNothingPendingOrRunning() throws Exception {
    Set<Thread> threadsBefore = engineThreads();
    long fdsBefore = openFiles();
    for (int round = 0; round < 5; round++) {
      SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("c" + round + ".db"));
      List<CompletableFuture<?>> inFlight = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        inFlight.add(
            (i % 2 == 0 ? repo.add(Samples.video("v" + i)) : repo.get("v" + (i - 1)))
                .toCompletableFuture());
      }
      repo.close();
      for (CompletableFuture<?> f : inFlight) {
        try {
          f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof RepositoryClosedException, e.getCause().toString());
        }
      }
    }
    assertEquals(Set.of(), newSince(threadsBefore));
    assertEquals(fdsBefore, openFiles());
  }

  @Test
  void openAndCloseCyclesLeakNothing() throws Exception {
    Path file = dir.resolve("cycles.db");
    SqliteVideoRepository.open(file).close();
    Set<Thread> threadsBefore = engineThreads();
    long fdsBefore = openFiles();
    int cycles = Integer.getInteger("videorepo.cycles", 1000);
    for (int i = 0; i < cycles; i++) {
      try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
        if (i % 100 == 0) {
          repo.add(Samples.video("c" + i)).toCompletableFuture().join();
        }
      }
    }
    assertEquals(Set.of(), newSince(threadsBefore));
    assertEquals(fdsBefore, openFiles());
  }

  /**
   * The engine threads alive now. Tests compare sets, not counts: an idle thread of an earlier test
   * (a feed's signalling thread ends after a few idle seconds) may end meanwhile, which is no leak,
   * and a count would take it for one or let it hide one.
   */
  private static Set<Thread> engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("videorepo-sqlite-"))
        .collect(Collectors.toSet());
  }

  /** The engine threads alive now that were not before: the leaked ones. */
  private static Set<Thread> newSince(Set<Thread> before) {
    Set<Thread> leaked = new HashSet<>(engineThreads());
    leaked.removeAll(before);
    return leaked;
  }

  private static long openFiles() throws Exception {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1; // not Linux: file handles are not counted
    }
    try (var list = Files.list(fds)) {
      return list.count();
    }
  }
}
