package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.StorageException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The failure policy both engines share (spi EngineHealth): an unexpected RuntimeException inside
 * the engine fails its own operation with a non-retryable StorageException (VR-1.8) and nothing
 * else; an Error ends the engine's service, so every later operation fails at once, saying why,
 * until the repository is closed and opened again. The fault is thrown by the driver's connection,
 * where a driver bug or a JVM in trouble would throw it.
 */
class EngineFaultTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = TestServer.pool(TestServer.newDatabase(), 4);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  /** A data source whose next statement throws what is armed. */
  private static final class Faulty {
    final AtomicReference<Throwable> next = new AtomicReference<>();
    final DataSource dataSource =
        new InterceptingDataSource(
            pool,
            (real, method, args) -> {
              if (method.getName().startsWith("prepare")) {
                Throwable fault = next.getAndSet(null);
                if (fault != null) {
                  throw fault;
                }
              }
              return InterceptingDataSource.proceed(real, method, args);
            });
  }

  @Test
  void aRuntimeExceptionFailsItsOperationOnly() throws Exception {
    Faulty ds = new Faulty();
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(ds.dataSource).schema("runtime_fault").open()) {
      IllegalStateException bug = new IllegalStateException("injected driver bug");
      ds.next.set(bug);
      StorageException write = StorageFailures.of(repo.add(Samples.video("a")));
      assertFalse(write.isRetryable());
      assertSame(bug, write.getCause());
      ds.next.set(new IllegalArgumentException("injected"));
      assertInstanceOf(
          IllegalArgumentException.class, StorageFailures.of(repo.get("a")).getCause());
      repo.add(Samples.video("b")).toCompletableFuture().get();
      assertEquals(1L, repo.count().toCompletableFuture().get());
      assertTrue(repo.health().toCompletableFuture().get().up());
    }
  }

  @Test
  void anErrorEndsTheEnginesServiceUntilItIsReopened() throws Exception {
    Faulty ds = new Faulty();
    PostgresVideoRepository repo =
        PostgresVideoRepository.builder(ds.dataSource).schema("error_fault").open();
    LinkageError error = new LinkageError("injected");
    ds.next.set(error);
    StorageException first = StorageFailures.of(repo.add(Samples.video("a")));
    assertSame(error, first.getCause());
    assertFalse(first.isRetryable());
    assertTrue(first.getMessage().contains("stopped"), first.getMessage());
    for (CompletionStage<?> later :
        List.of(repo.add(Samples.video("b")), repo.get("a"), repo.count())) {
      StorageException refused = StorageFailures.of(later);
      assertSame(error, refused.getCause());
      assertTrue(refused.getMessage().contains("stopped serving"), refused.getMessage());
    }
    RepositoryHealth health = repo.health().toCompletableFuture().get();
    assertFalse(health.up());
    assertTrue(health.detail().contains("stopped serving"), health.detail());
    repo.close();
    try (PostgresVideoRepository again =
        PostgresVideoRepository.builder(pool).schema("error_fault").open()) {
      assertEquals(0L, again.count().toCompletableFuture().get(), "nothing was written");
      again.add(Samples.video("b")).toCompletableFuture().get();
    }
  }
}
