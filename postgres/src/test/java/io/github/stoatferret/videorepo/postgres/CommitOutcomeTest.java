package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import java.sql.SQLException;
import java.time.Duration;
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
}
