package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group commit: writes queued together share one transaction, a write that fails its checks fails
 * alone, and a group the database refuses is run again one write at a time. The writer is held at
 * its first connection until every write is queued, so the groups are known.
 */
class GroupCommitTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = TestServer.pool(TestServer.newDatabase(), 8);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  /** Holds every connection request while closed. */
  private static final class Gate {
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Whether to refuse the next commit of a transaction that checked several videos. */
    final AtomicBoolean refuseNextGroup = new AtomicBoolean();

    private final Set<Connection> checkedSeveral = ConcurrentHashMap.newKeySet();

    final InterceptingDataSource dataSource =
        new InterceptingDataSource(
            pool,
            (real, method, args) -> {
              if (method.getName().equals("createArrayOf") && ((Object[]) args[1]).length > 1) {
                checkedSeveral.add(real);
              }
              if (method.getName().equals("commit")
                  && checkedSeveral.remove(real)
                  && refuseNextGroup.getAndSet(false)) {
                real.rollback();
                throw new SQLException("injected: the server refused the transaction", "XX000");
              }
              return InterceptingDataSource.proceed(real, method, args);
            }) {
          @Override
          public Connection getConnection() throws SQLException {
            if (closed.get()) {
              try {
                open.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return super.getConnection();
          }
        };

    void close() {
      closed.set(true);
    }

    void open() {
      open.countDown();
    }
  }

  private static Object outcome(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private static long transactionsInChangeLog(String schema) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(DISTINCT committed_at) FROM " + schema + ".video_changes")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void queuedWritesShareTransactionsAndAClashFailsAlone() throws Exception {
    Gate gate = new Gate();
    List<VideoChangeEvent> events = new CopyOnWriteArrayList<>();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(gate.dataSource)
            .schema("grouped")
            .listener(events::add)
            .open()) {
      repo.add(Samples.video("before")).toCompletableFuture().join();
      gate.close();
      List<CompletionStage<?>> stages = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        stages.add(repo.add(Samples.video("v" + i, "/v/" + i + ".mp4", i)));
      }
      stages.add(repo.add(Samples.video("v7", "/elsewhere/7.mp4", 0))); // id taken in the group
      stages.add(repo.add(Samples.video("w8", "/v/8.mp4", 0))); // path taken in the group
      stages.add(repo.addAll(List.of(Samples.video("x1"), Samples.video("before")))); // stored id
      stages.add(repo.update(Samples.video("v3", "/renamed/3.mp4", 3)));
      stages.add(repo.delete("v4"));
      stages.add(repo.add(Samples.video("v4", "/v/4-again.mp4", 4))); // free again
      stages.add(repo.update(Samples.video("absent")));
      gate.open();

      List<Object> outcomes = stages.stream().map(GroupCommitTest::outcome).toList();
      for (int i = 0; i < 150; i++) {
        assertInstanceOf(Video.class, outcomes.get(i), "add " + i);
      }
      assertEquals(
          DuplicateVideoException.Key.ID,
          assertInstanceOf(DuplicateVideoException.class, outcomes.get(150)).key());
      assertEquals(
          DuplicateVideoException.Key.PATH,
          assertInstanceOf(DuplicateVideoException.class, outcomes.get(151)).key());
      assertEquals(
          "before", assertInstanceOf(DuplicateVideoException.class, outcomes.get(152)).value());
      assertEquals("/renamed/3.mp4", ((Video) outcomes.get(153)).path());
      assertEquals(Boolean.TRUE, outcomes.get(154));
      assertEquals("/v/4-again.mp4", ((Video) outcomes.get(155)).path());
      assertInstanceOf(
          io.github.stoatferret.videorepo.VideoNotFoundException.class, outcomes.get(156));
      assertTrue(repo.get("x1").toCompletableFuture().join().isEmpty(), "addAll is all or none");
      assertEquals(151L, repo.count().toCompletableFuture().join());

      // 154 changes; the writer took one write before the gate held it, the rest in groups.
      long transactions = transactionsInChangeLog("grouped");
      assertTrue(transactions <= 4, transactions + " transactions for 154 changes");
      // statistics() sees the same groups: the 154 changes, and the 4 refused writes if they
      // were checked inside a committed group rather than alone.
      java.util.Map<String, Long> figures = repo.statistics();
      long written = figures.get("writes.committed");
      assertTrue(written >= 154 && written <= 158, figures::toString);
      assertTrue(figures.get("commits") <= 5, figures::toString);
      assertEquals(0L, figures.get("writes.queued"), figures::toString);
      assertTrue(repo.health().toCompletableFuture().join().up());

      // Events in queue order, as committed (they arrive through the change feed).
      for (int i = 0; i < 400 && events.size() < 154; i++) {
        Thread.sleep(25);
      }
      assertEquals(154, events.size());
      assertEquals("before", ((VideoChangeEvent.Added) events.get(0)).video().id());
      assertEquals("v0", ((VideoChangeEvent.Added) events.get(1)).video().id());
      assertInstanceOf(VideoChangeEvent.Updated.class, events.get(151));
      assertInstanceOf(VideoChangeEvent.Deleted.class, events.get(152));
      assertEquals("/v/4-again.mp4", ((VideoChangeEvent.Added) events.get(153)).video().path());
    }
  }

  @Test
  void aGroupTheDatabaseRefusesIsRunAgainOneWriteAtATime() {
    Gate gate = new Gate();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(gate.dataSource).schema("refused").open()) {
      gate.close();
      List<CompletionStage<Video>> stages = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        stages.add(repo.add(Samples.video("r" + i)));
      }
      gate.refuseNextGroup.set(true);
      gate.open();
      for (CompletionStage<Video> stage : stages) {
        assertInstanceOf(Video.class, outcome(stage));
      }
      assertFalse(gate.refuseNextGroup.get(), "a group was refused");
      assertEquals(20L, repo.count().toCompletableFuture().join());
    }
  }

  @Test
  void twoWriterLanesKeepEveryWriteTheCountAndOneCommitOrder() throws Exception {
    List<VideoChangeEvent> events = new CopyOnWriteArrayList<>();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool)
            .schema("lanes")
            .writers(2)
            .listener(events::add)
            .open()) {
      // 8 callers, 100 adds each, ids shared between pairs of callers: each id is stored once.
      List<CompletionStage<Video>> stages = new CopyOnWriteArrayList<>();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int pair = t / 2;
        Thread caller =
            new Thread(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    String id = "p" + pair + "-" + i;
                    stages.add(repo.add(Samples.video(id, "/lanes/" + id + ".mp4", i)));
                  }
                });
        callers.add(caller);
        caller.start();
      }
      for (Thread caller : callers) {
        caller.join();
      }
      long stored = 0;
      for (CompletionStage<Video> stage : stages) {
        Object outcome = outcome(stage);
        if (outcome instanceof Video) {
          stored++;
        } else {
          assertInstanceOf(DuplicateVideoException.class, outcome);
        }
      }
      assertEquals(400, stored, "every id once");
      assertEquals(400L, repo.count().toCompletableFuture().join());
      for (int i = 0; i < 400 && events.size() < 400; i++) {
        Thread.sleep(25);
      }
      assertEquals(400, events.size(), "one event per stored video, none twice");
    }
  }

  @Test
  void aThreadsWritesCommitInTheOrderItIssuedThemOnTwoLanes() throws Exception {
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool).schema("issued").writers(2).open()) {
      // Four threads each add, update and (every third) delete videos of their own without
      // waiting in between: an update or a delete that overtook its add would find no video.
      List<CompletionStage<?>> stages = new CopyOnWriteArrayList<>();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String prefix = "t" + t + "-";
        Thread caller =
            new Thread(
                () -> {
                  for (int i = 0; i < 150; i++) {
                    Video v = Samples.video(prefix + i, "/issued/" + prefix + i + ".mp4", i);
                    stages.add(repo.add(v));
                    stages.add(repo.update(v.toBuilder().fileSize(v.fileSize() + 1).build()));
                    if (i % 3 == 0) {
                      stages.add(repo.delete(v.id()));
                    }
                  }
                });
        callers.add(caller);
        caller.start();
      }
      for (Thread caller : callers) {
        caller.join();
      }
      for (CompletionStage<?> stage : stages) {
        Object outcome = outcome(stage);
        assertFalse(outcome instanceof Throwable, () -> "a write failed: " + outcome);
        assertFalse(Boolean.FALSE.equals(outcome), "a delete found no video");
      }
      assertEquals(400L, repo.count().toCompletableFuture().join());
    }
  }
}
