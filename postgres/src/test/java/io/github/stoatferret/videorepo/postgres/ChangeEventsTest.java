package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Change events across processes: two repositories on two connection pools (as two processes would
 * have) write to one catalogue at once; both listeners receive the same sequence, equal to the
 * commit order, and replaying it gives the final state. A listener whose connection is killed
 * catches up and loses nothing. Feed subscribers in other processes follow by position and resume
 * from the log.
 */
class ChangeEventsTest {

  private static String database;

  @BeforeAll
  static void start() {
    database = TestServer.newDatabase();
  }

  @AfterAll
  static void stop() {
    // the server goes with the JVM
  }

  /** A listener that records every event, thread-safe. */
  private static final class Recorder implements VideoChangeListener {
    final List<VideoChangeEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onChange(VideoChangeEvent event) {
      events.add(event);
    }

    List<VideoChangeEvent> await(int n) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (events.size() < n && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200); // anything beyond n would be a duplicate: give it time to show
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }
  }

  @Test
  void twoProcessesSeeTheSameEventsInCommitOrderAndReplayingThemGivesTheState() throws Exception {
    try (HikariDataSource poolA = TestServer.pool(database, 10);
        HikariDataSource poolB = TestServer.pool(database, 10)) {
      Recorder seenByA = new Recorder();
      Recorder seenByB = new Recorder();
      try (PostgresVideoRepository a =
              PostgresVideoRepository.builder(poolA)
                  .schema("shared")
                  .listener(seenByA)
                  .pollInterval(Duration.ofMillis(100))
                  .open();
          PostgresVideoRepository b =
              PostgresVideoRepository.builder(poolB)
                  .schema("shared")
                  .listener(seenByB)
                  .pollInterval(Duration.ofMillis(100))
                  .open()) {
        // Both write concurrently, over a few contested ids and paths.
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          PostgresVideoRepository w = i % 2 == 0 ? a : b;
          String id = "v" + (i % 40);
          Video v = Samples.video(id, "/p/" + (i % 30) + ".mp4", i);
          writes.add(w.add(v).toCompletableFuture());
          writes.add(w.update(v.toBuilder().fileSize(i).build()).toCompletableFuture());
          if (i % 7 == 0) {
            writes.add(w.delete("v" + ((i + 3) % 40)).toCompletableFuture());
          }
        }
        int committed = 0;
        for (CompletableFuture<?> f : writes) {
          try {
            Object result = f.join();
            committed += Boolean.FALSE.equals(result) ? 0 : 1;
          } catch (CompletionException expected) {
            // clashes and absent ids: no event
          }
        }
        List<VideoChangeEvent> inA = seenByA.await(committed);
        List<VideoChangeEvent> inB = seenByB.await(committed);
        assertEquals(committed, inA.size(), "one event per committed change");
        assertEquals(inA, inB, "both processes see the same sequence");
        Map<String, Video> replayed = new HashMap<>();
        for (VideoChangeEvent e : inA) {
          if (e instanceof VideoChangeEvent.Added added) {
            assertTrue(
                replayed.putIfAbsent(added.video().id(), added.video()) == null,
                "an add of a stored id: events out of commit order");
          } else if (e instanceof VideoChangeEvent.Updated updated) {
            assertEquals(
                updated.before(),
                replayed.put(updated.after().id(), updated.after()),
                "an update's before image is the state the log had reached");
          } else if (e instanceof VideoChangeEvent.Deleted deleted) {
            assertEquals(deleted.video(), replayed.remove(deleted.video().id()));
          }
        }
        List<Video> stored = a.list(1000, 0).toCompletableFuture().join();
        assertEquals(stored.size(), replayed.size());
        for (Video v : stored) {
          assertEquals(v, replayed.get(v.id()));
        }
      }
    }
  }

  @Test
  void aNotificationWakesTheFeedLongBeforeItsPollInterval() throws Exception {
    try (HikariDataSource poolA = TestServer.pool(database, 4);
        HikariDataSource poolB = TestServer.pool(database, 4)) {
      Recorder seen = new Recorder();
      try (PostgresVideoRepository a =
              PostgresVideoRepository.builder(poolA)
                  .schema("notified")
                  .listener(seen)
                  .pollInterval(Duration.ofHours(1))
                  .open();
          PostgresVideoRepository b =
              PostgresVideoRepository.builder(poolB).schema("notified").open()) {
        // The first change may be read by the feed thread's first look at the log; once it has
        // been seen, the thread waits for a notification, and only one can wake it within the
        // hour: the second change arrives by NOTIFY (pg_notify in the counter's update) or never.
        b.add(Samples.video("first", "/n/first.mp4", 1)).toCompletableFuture().join();
        assertEquals(1, seen.await(1).size());
        b.add(Samples.video("second", "/n/second.mp4", 2)).toCompletableFuture().join();
        List<VideoChangeEvent> both = seen.await(2);
        assertEquals(2, both.size(), "the second change woke the listener: " + both);
        assertEquals(2L, a.count().toCompletableFuture().join());
      }
    }
  }

  @Test
  void aListenerWhoseConnectionIsKilledCatchesUpAndLosesNothing() throws Exception {
    try (HikariDataSource pool = TestServer.pool(database, 10)) {
      Recorder seen = new Recorder();
      try (PostgresVideoRepository repo =
          PostgresVideoRepository.builder(pool)
              .schema("feed")
              .listener(seen)
              .pollInterval(Duration.ofMillis(100))
              .open()) {
        for (int round = 0; round < 3; round++) {
          for (int i = 0; i < 20; i++) {
            repo.add(Samples.video("r" + round + "-" + i)).toCompletableFuture().join();
          }
          seen.await(round * 40 + 20); // the feed is connected and has read up to here
          killListeners(pool);
          for (int i = 20; i < 40; i++) {
            repo.add(Samples.video("r" + round + "-" + i)).toCompletableFuture().join();
          }
        }
        List<VideoChangeEvent> events = seen.await(120);
        assertEquals(120, events.size());
        for (int k = 0; k < 120; k++) {
          String id = ((VideoChangeEvent.Added) events.get(k)).video().id();
          assertEquals("r" + (k / 40) + "-" + (k % 40), id, "in commit order");
        }
      }
    }
  }

  @Test
  void feedSubscribersInOtherProcessesFollowAndResumeByPosition() throws Exception {
    try (HikariDataSource poolA = TestServer.pool(database, 10);
        HikariDataSource poolB = TestServer.pool(database, 10);
        HikariDataSource poolC = TestServer.pool(database, 10)) {
      PostgresVideoRepository a =
          PostgresVideoRepository.builder(poolA)
              .schema("followed")
              .pollInterval(Duration.ofMillis(100))
              .open();
      PostgresVideoRepository b =
          PostgresVideoRepository.builder(poolB)
              .schema("followed")
              .pollInterval(Duration.ofMillis(100))
              .open();
      FeedRecorder live = new FeedRecorder();
      b.changes().subscribe(live);
      for (int i = 0; i < 50; i++) {
        a.add(Samples.video("v" + i)).toCompletableFuture().join();
      }
      List<ChangeFeedEvent> seen = live.await(50);
      assertEquals(50, seen.size(), "b follows a's writes live");
      for (int i = 0; i < 50; i++) {
        assertEquals("v" + i, seen.get(i).id());
        assertEquals(i + 1, seen.get(i).position().value(), "positions are a's commit order");
      }
      try (PostgresVideoRepository c =
          PostgresVideoRepository.builder(poolC)
              .schema("followed")
              .pollInterval(Duration.ofMillis(100))
              .open()) {
        FeedRecorder resumed = new FeedRecorder();
        c.changesAfter(seen.get(19).position()).subscribe(resumed);
        assertEquals(seen.subList(20, 50), resumed.await(30), "c resumes from the log");
        for (int i = 50; i < 60; i++) {
          a.add(Samples.video("v" + i)).toCompletableFuture().join();
        }
        List<ChangeFeedEvent> all = resumed.await(40);
        assertEquals(40, all.size(), "then follows live, without a gap or a duplicate");
        for (int i = 0; i < 40; i++) {
          assertEquals(21 + i, all.get(i).position().value());
        }
      }
      a.close();
      b.close(); // reads the log a last time, then completes its subscribers
      assertEquals(60, live.await(60).size());
      assertTrue(live.awaitCompleted(), "b's subscriber completed at close");
    }
  }

  /** A feed subscriber with unbounded demand that records what it receives. */
  private static final class FeedRecorder implements Flow.Subscriber<ChangeFeedEvent> {
    final List<ChangeFeedEvent> events = Collections.synchronizedList(new ArrayList<>());
    volatile boolean completed;
    volatile Throwable error;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChangeFeedEvent e) {
      events.add(e);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onComplete() {
      completed = true;
    }

    /** Waits for onComplete, which follows the last change on the feed's thread. */
    boolean awaitCompleted() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!completed && error == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return completed;
    }

    List<ChangeFeedEvent> await(int n) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (events.size() < n && error == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (error != null) {
        throw new AssertionError("the feed failed", error);
      }
      synchronized (events) {
        return new ArrayList<>(events);
      }
    }
  }

  /** Ends the server process of the change feed (the one that last read the change log). */
  private static void killListeners(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND query LIKE 'SELECT seq, kind%'")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "the feed's connection was found and ended");
    }
  }
}
