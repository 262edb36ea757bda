package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection lost while committing: the server may or may not have applied the write. The
 * repository asks it ({@code pg_xact_status} of the transaction's id) on a new connection: a
 * committed write's stage succeeds, an aborted one is run again; only a server that stays away past
 * the retry budget leaves the outcome unknown, a non-retryable {@link StorageException} that says
 * so. The loss is injected by a data source whose connections' {@code commit} throws SQLSTATE 08006
 * once armed, after or instead of committing.
 */
class CommitOutcomeTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = TestServer.pool(TestServer.newDatabase(), 4);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  /** What the next commit does. */
  private enum Fault {
    NONE,
    LOST_AFTER_COMMIT,
    LOST_BEFORE_COMMIT
  }

  /** A data source over the pool whose connections' commit fails as armed. */
  private static final class Faulty {
    volatile Fault next = Fault.NONE;

    /** While set, after a fault, every statement fails as if the server were gone. */
    volatile boolean serverAway;

    volatile boolean awayAfterFault;

    final DataSource dataSource =
        new InterceptingDataSource(
            pool,
            (real, method, args) -> {
              if (method.getName().equals("commit") && next != Fault.NONE) {
                Fault fault = next;
                next = Fault.NONE;
                if (fault == Fault.LOST_AFTER_COMMIT) {
                  real.commit();
                } else {
                  real.rollback();
                }
                serverAway = awayAfterFault;
                throw new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006");
              }
              if (serverAway && method.getName().startsWith("prepare")) {
                throw new SQLException("Connection to localhost refused.", "08001");
              }
              return InterceptingDataSource.proceed(real, method, args);
            });
  }

  @Test
  void aCommitCutOffIsResolvedByAskingTheServerWhicheverWayItWent() throws Exception {
    Faulty ds = new Faulty();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(ds.dataSource).schema("resolved").open()) {
      ds.next = Fault.LOST_AFTER_COMMIT;
      Video applied = Samples.video("applied");
      assertEquals(
          applied,
          repo.add(applied).toCompletableFuture().get(),
          "it committed: the stage says so");
      assertEquals(1L, repo.statistics().get("commits.resolved"));

      ds.next = Fault.LOST_BEFORE_COMMIT;
      Video retried = Samples.video("retried");
      assertEquals(
          retried,
          repo.add(retried).toCompletableFuture().get(),
          "it did not commit: it ran again, once");
      assertEquals(2L, repo.statistics().get("commits.resolved"));

      ds.next = Fault.LOST_AFTER_COMMIT;
      Video moved = applied.toBuilder().fileSize(5).build();
      assertEquals(
          2L,
          repo.update(moved, 1).toCompletableFuture().get().version(),
          "a conditional update that committed is not run again (it would conflict)");
      assertEquals(2L, repo.count().toCompletableFuture().get());
      assertEquals(moved, repo.get("applied").toCompletableFuture().get().orElseThrow());
    }
  }

  @Test
  void aServerThatStaysAwayPastTheBudgetLeavesTheOutcomeUnknown() throws Exception {
    Faulty ds = new Faulty();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(ds.dataSource)
            .schema("unknown")
            .retryBudget(Duration.ofMillis(300))
            .open()) {
      ds.awayAfterFault = true;
      ds.next = Fault.LOST_AFTER_COMMIT;
      StorageException unknown = StorageFailures.of(repo.add(Samples.video("applied")));
      assertFalse(unknown.isRetryable());
      assertTrue(unknown.getMessage().contains("outcome unknown"), unknown.getMessage());
      ds.serverAway = false;
      ds.awayAfterFault = false;
      assertTrue(
          repo.get("applied").toCompletableFuture().get().isPresent(),
          "reading back tells: the write was applied");
      assertEquals(0L, repo.statistics().get("commits.resolved"));
    }
  }

  /**
   * A failover can hand a lost transaction's id to another one: a promoted standby that never
   * received any of its WAL gives the same id to the next transaction it runs. Simulated here by
   * reporting, as the add's id, the id of an earlier transaction that did commit, and losing the
   * add's commit instead of making it: the status says "committed", but the log row at the add's
   * position is not its own, so the add must run again (seen once in FailoverTest before the
   * check).
   */
  @Test
  void aCommittedStatusOfAnotherTransactionWithTheSameIdIsNotTakenForTheWrite() throws Exception {
    AtomicReference<String> reusedId = new AtomicReference<>();
    AtomicBoolean loseNextCommit = new AtomicBoolean();
    DataSource dataSource =
        new InterceptingDataSource(
            pool,
            (real, method, args) -> {
              if (method.getName().equals("commit") && loseNextCommit.getAndSet(false)) {
                real.rollback();
                throw new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006");
              }
              Object result = InterceptingDataSource.proceed(real, method, args);
              if (method.getName().equals("prepareStatement")
                  && ((String) args[0]).startsWith("WITH added AS")
                  && reusedId.get() != null) {
                return reportingTransactionId((PreparedStatement) result, reusedId.get());
              }
              return result;
            });
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(dataSource).schema("reused").open()) {
      repo.add(Samples.video("earlier")).toCompletableFuture().get();
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT xmin::text FROM reused.video_changes")) {
        rs.next();
        reusedId.set(rs.getString(1)); // a fresh cluster: epoch 0, so the xid8 is the xid
      }
      loseNextCommit.set(true);
      Video lost = Samples.video("lost");
      assertEquals(lost, repo.add(lost).toCompletableFuture().get());
      assertEquals(
          Optional.of(lost),
          repo.get("lost").toCompletableFuture().get(),
          "the stage succeeded, so the video must be stored");
      assertEquals(2L, repo.count().toCompletableFuture().get());
    }
  }

  /** The statement, whose result reports {@code xid} as its transaction's id (column 2). */
  private static PreparedStatement reportingTransactionId(PreparedStatement real, String xid) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!method.getName().equals("executeQuery")) {
                return result;
              }
              ResultSet rows = (ResultSet) result;
              return Proxy.newProxyInstance(
                  ResultSet.class.getClassLoader(),
                  new Class<?>[] {ResultSet.class},
                  (p, m, a) ->
                      m.getName().equals("getString") && Integer.valueOf(2).equals(a[0])
                          ? xid
                          : invoke(rows, m, a));
            });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
