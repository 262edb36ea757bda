package io.github.stoatferret.videorepo.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected where each engine thread does its work (the store's {@code submit} is the seam):
 * a {@code RuntimeException} fails only its own task (its group, in the writer) and the thread
 * serves on; an {@code Error} fails everything in flight and queued and every later call, and close
 * still returns promptly. No stage is left pending, and no thread or file is leaked.
 */
class EngineFaultTest {

  private static final int READERS = 2;

  @TempDir Path dir;

  private SqliteStore open() {
    return SqliteStore.open(
        Database.of(dir.resolve("faults.db"), Durability.NORMAL, Duration.ofSeconds(1), 0),
        READERS,
        true,
        VideoChangeListener.NONE,
        null,
        Duration.ofSeconds(30),
        new ChangeRetention(100_000, 0, 1_024));
  }

  private static Video video(String id) {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    return Video.builder()
        .id(id)
        .path("/v/" + id + ".mp4")
        .filename(id + ".mp4")
        .durationFrames(10)
        .frameRate(25, 1)
        .resolution(640, 480)
        .videoCodec("h264")
        .fileSize(100)
        .timestamps(t)
        .build();
  }

  private static <T> CompletionStage<T> inject(
      SqliteStore store, boolean write, RuntimeException orNull, Error orElse) {
    return store.submit(
        "probe",
        write,
        () ->
            (s, events) -> {
              if (orNull != null) {
                throw orNull;
              }
              throw orElse;
            });
  }

  /** The failure a stage completed with; fails the test if it is pending or succeeded. */
  private static Throwable failureOf(CompletionStage<?> stage) throws Exception {
    try {
      stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      fail("a stage was left pending");
    }
    return fail("the stage succeeded");
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRuntimeExceptionInAReadFailsThatReadAndEveryReaderServesOn() throws Exception {
    try (SqliteStore store = open()) {
      value(store.add(video("a")));
      for (int i = 0; i < READERS * 10; i++) {
        Throwable failure =
            failureOf(inject(store, false, new java.time.DateTimeException("injected " + i), null));
        StorageException storage = assertInstanceOf(StorageException.class, failure);
        assertFalse(storage.isRetryable());
        assertInstanceOf(java.time.DateTimeException.class, storage.getCause());
        assertTrue(storage.getMessage().contains("probe on"), storage.getMessage());
      }
      assertEquals(READERS + 1, connectionThreads(), "no engine thread died");
      List<CompletableFuture<?>> reads = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        reads.add(store.get("a").toCompletableFuture());
      }
      for (CompletableFuture<?> read : reads) {
        assertTrue(((java.util.Optional<?>) read.get(10, TimeUnit.SECONDS)).isPresent());
      }
    }
  }

  @Test
  void aRuntimeExceptionInAWriteRollsBackItsGroupAndTheWriterServesOn() throws Exception {
    try (SqliteStore store = open()) {
      // The work stores a video and then throws, part-way through the group's transaction.
      CompletionStage<Object> broken =
          store.submit(
              "probe",
              true,
              () ->
                  (s, events) -> {
                    Writes.add(s, video("half"), events);
                    throw new ArithmeticException("injected");
                  });
      StorageException storage = assertInstanceOf(StorageException.class, failureOf(broken));
      assertInstanceOf(ArithmeticException.class, storage.getCause());
      assertTrue(value(store.get("half")).isEmpty(), "the failed group was rolled back");
      assertEquals(video("after"), value(store.add(video("after"))));
      assertEquals(1L, value(store.count()));
    }
  }

  @Test
  void anErrorOnTheWriterFailsEverythingQueuedAndLaterCallsAndCloseReturns() throws Exception {
    assertErrorStopsTheEngine(true);
  }

  @Test
  void anErrorOnAReaderFailsEverythingQueuedAndLaterCallsAndCloseReturns() throws Exception {
    assertErrorStopsTheEngine(false);
  }

  private void assertErrorStopsTheEngine(boolean onWriter) throws Exception {
    SqliteStore warmUp = open();
    warmUp.close();
    Set<Thread> threadsBefore = engineThreads();
    long filesBefore = openFiles();
    SqliteStore store = open();
    value(store.add(video("kept")));
    CountDownLatch release = new CountDownLatch(1);
    CompletionStage<Object> fatal =
        store.submit(
            "probe",
            onWriter,
            () ->
                (s, events) -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  throw new OutOfMemoryError("injected");
                });
    // Queued behind the fault (the writer, or readers that will find the engine failed).
    List<CompletionStage<?>> queued = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queued.add(store.add(video("q" + i)));
    }
    queued.add(store.optimize()); // a merge asked for fails too, rather than waits
    release.countDown();
    Throwable first = failureOf(fatal);
    assertInstanceOf(OutOfMemoryError.class, first.getCause());
    int failedWrites = 0;
    for (CompletionStage<?> stage : queued) {
      try {
        value(stage);
      } catch (ExecutionException e) {
        assertInstanceOf(StorageException.class, e.getCause());
        failedWrites++;
      }
    }
    if (onWriter) {
      assertEquals(
          queued.size(), failedWrites, "every write (and the merge) queued behind the error fails");
    }
    List<Function<SqliteStore, CompletionStage<?>>> later =
        List.of(
            s -> s.add(video("later")),
            s -> s.get("kept"),
            s -> s.list(10, 0),
            s -> s.count(),
            s -> s.search("kept", 10),
            s -> s.delete("kept"),
            s -> s.page(null, 10),
            s -> s.optimize());
    for (Function<SqliteStore, CompletionStage<?>> call : later) {
      CompletableFuture<?> stage = call.apply(store).toCompletableFuture();
      assertTrue(stage.isDone(), "a call after the error fails at once");
      StorageException refusal = assertInstanceOf(StorageException.class, failureOf(stage));
      assertTrue(refusal.getMessage().contains("OutOfMemoryError"), refusal.getMessage());
      assertInstanceOf(OutOfMemoryError.class, refusal.getCause());
    }
    long start = System.nanoTime();
    store.close();
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "close returned");
    Set<Thread> leaked = new HashSet<>(engineThreads());
    leaked.removeAll(threadsBefore);
    assertEquals(Set.of(), leaked, "every engine thread ended");
    assertEquals(filesBefore, openFiles(), "every file was closed");
  }

  /**
   * The engine threads alive now; compared as sets, since an idle thread of an earlier test may end
   * meanwhile, which is no leak.
   */
  private static Set<Thread> engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("videorepo-sqlite-"))
        .collect(Collectors.toSet());
  }

  /** The writer and reader threads alive (this class opens one store at a time). */
  private static long connectionThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(
            n ->
                n.startsWith("videorepo-sqlite-")
                    && (n.endsWith("-writer") || n.contains("-reader-")))
        .count();
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
