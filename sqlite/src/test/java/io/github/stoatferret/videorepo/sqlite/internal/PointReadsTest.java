package io.github.stoatferret.videorepo.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point reads on the caller's thread: done when the call returns, callbacks still on the callback
 * executor, more callers than pooled connections served by the readers, and close waiting for reads
 * in progress on callers' threads.
 */
class PointReadsTest {

  @TempDir Path dir;

  private SqliteStore open(int readers, boolean callerThreadReads) {
    return SqliteStore.open(
        Database.of(dir.resolve("points.db"), Durability.NORMAL, Duration.ofSeconds(1), 0),
        readers,
        callerThreadReads,
        VideoChangeListener.NONE,
        null,
        Duration.ofSeconds(30),
        new ChangeRetention(100_000, 0, 1_024));
  }

  private static Video video(int i) {
    return Video.builder()
        .id("v" + i)
        .path("/v/" + i + ".mp4")
        .filename(i + ".mp4")
        .durationFrames(10)
        .frameRate(25, 1)
        .resolution(640, 480)
        .videoCodec("h264")
        .fileSize(1)
        .timestamps(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))
        .build();
  }

  private static void fill(SqliteStore store, int n) {
    List<Video> videos = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      videos.add(video(i));
    }
    store.addAll(videos).toCompletableFuture().join();
  }

  @Test
  void aPointReadIsDoneWhenTheCallReturnsAndItsCallbacksRunOnTheCompletionExecutor() {
    try (SqliteStore store = open(2, true)) {
      fill(store, 10);
      CompletionStage<Optional<Video>> got = store.get("v3");
      assertTrue(got.toCompletableFuture().isDone(), "read on the caller's thread");
      assertEquals(video(3), got.toCompletableFuture().join().orElseThrow());
      assertTrue(store.getByPath("/v/4.mp4").toCompletableFuture().isDone());
      assertTrue(store.count().toCompletableFuture().isDone());
      String caller = Thread.currentThread().getName();
      String ran =
          got.thenApply(v -> Thread.currentThread().getName()).toCompletableFuture().join();
      assertFalse(ran.equals(caller), "callbacks never run on the caller's thread: " + ran);
      assertTrue(ran.contains("callback-"), ran);
    }
  }

  @Test
  void moreCallersThanConnectionsAreServedByTheReaders() throws Exception {
    try (SqliteStore store = open(1, true)) {
      fill(store, 100);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        Thread caller =
            new Thread(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    try {
                      Video v =
                          store.get("v" + (i % 100)).toCompletableFuture().join().orElseThrow();
                      assertEquals(video(i % 100), v);
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }
                });
        callers.add(caller);
        caller.start();
      }
      for (Thread caller : callers) {
        caller.join();
      }
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void closeWaitsForReadsOnCallersThreadsAndEveryStageCompletes() throws Exception {
    SqliteStore store = open(2, true);
    fill(store, 100);
    List<Object> outcomes = new CopyOnWriteArrayList<>();
    CountDownLatch running = new CountDownLatch(8);
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread caller =
          new Thread(
              () -> {
                running.countDown();
                for (int i = 0; ; i++) {
                  CompletableFuture<Optional<Video>> stage =
                      store.get("v" + (i % 100)).toCompletableFuture();
                  try {
                    outcomes.add(stage.join().orElseThrow());
                  } catch (CompletionException e) {
                    outcomes.add(e.getCause());
                    return;
                  }
                }
              });
      callers.add(caller);
      caller.start();
    }
    running.await();
    while (outcomes.size() < 800) { // reads on every caller are under way (bounded by the timeout)
      Thread.onSpinWait();
    }
    store.close();
    for (Thread caller : callers) {
      caller.join();
    }
    long refused = 0;
    for (Object outcome : outcomes) {
      if (outcome instanceof Throwable) {
        assertInstanceOf(RepositoryClosedException.class, outcome);
        refused++;
      } else {
        assertInstanceOf(Video.class, outcome);
      }
    }
    assertEquals(8, refused, "each caller ends on a refusal, after reads that all succeeded");
  }
}
