package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.StorageException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection lost while committing: the server may or may not have applied the write, and the
 * client cannot know. The stage fails with a non-retryable {@link StorageException} that says
 * "outcome unknown" (never retried, never reported as success), whichever way it went; reading
 * the video back tells. The loss is injected by a data source whose connections' {@code commit}
 * throws SQLSTATE 08006 once armed, after or instead of committing.
 */
class OutcomeUnknownTest {

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
  private enum Fault { NONE, LOST_AFTER_COMMIT, LOST_BEFORE_COMMIT }

  /** A data source over the pool whose connections' commit fails as armed. */
  private static final class Faulty {
    volatile Fault next = Fault.NONE;

    final DataSource dataSource = new InterceptingDataSource(pool, (real, method, args) -> {
      if (method.getName().equals("commit") && next != Fault.NONE) {
        Fault fault = next;
        next = Fault.NONE;
        if (fault == Fault.LOST_AFTER_COMMIT) {
          real.commit();
        } else {
          real.rollback();
        }
        throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
      }
      return InterceptingDataSource.proceed(real, method, args);
    });
  }

  private static StorageException failure(java.util.concurrent.CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> stage.toCompletableFuture().get());
    return assertInstanceOf(StorageException.class, e.getCause());
  }

  @Test
  void aCommitWhoseConnectionIsLostFailsAsOutcomeUnknownWhicheverWayItWent() throws Exception {
    Faulty ds = new Faulty();
    try (PostgresVideoRepository repo = PostgresVideoRepository.builder(ds.dataSource).schema("unknown")
        .open()) {
      ds.next = Fault.LOST_AFTER_COMMIT;
      StorageException applied = failure(repo.add(Samples.video("applied")));
      assertFalse(applied.isRetryable());
      assertTrue(applied.getMessage().contains("outcome unknown"), applied.getMessage());
      assertTrue(repo.get("applied").toCompletableFuture().get().isPresent(),
          "reading back tells: the write was applied");

      ds.next = Fault.LOST_BEFORE_COMMIT;
      StorageException lost = failure(repo.add(Samples.video("lost")));
      assertFalse(lost.isRetryable());
      assertTrue(lost.getMessage().contains("outcome unknown"), lost.getMessage());
      assertTrue(repo.get("lost").toCompletableFuture().get().isEmpty(),
          "reading back tells: the write was not applied");
      assertEquals(1L, repo.count().toCompletableFuture().get());
    }
  }
}
