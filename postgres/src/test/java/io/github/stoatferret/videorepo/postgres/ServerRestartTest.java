package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.StorageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away (a fast shutdown) and comes back with operations in flight. A restart well
 * within the retry budget costs latency, not failures: every operation succeeds (a write whose
 * commit was cut off is resolved by asking the server), none hangs, and the same repository serves
 * again without being reopened. Any failure is counted by kind and fails the test.
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class ServerRestartTest {

  @TempDir Path dir;

  private EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setLocaleConfig("locale", "C.UTF-8")
        .start();
  }

  @Test
  void operationsInFlightAcrossARestartEndCleanlyAndTheRepositoryServesAgain() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("data");
    EmbeddedPostgres server = start(data, port);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(2_000);
    try (HikariDataSource pool = new HikariDataSource(config);
        PostgresVideoRepository repo =
            PostgresVideoRepository.builder(pool).schema("restart").open()) {
      ConcurrentLinkedQueue<CompletableFuture<?>> stages = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger next = new AtomicInteger();
      List<Thread> callers =
          List.of(
              new Thread(() -> load(repo, stages, stop, next)),
              new Thread(() -> load(repo, stages, stop, next)));
      callers.forEach(Thread::start);
      Thread.sleep(300);
      server.close(); // a fast shutdown: sessions are ended, transactions rolled back
      Thread.sleep(300);
      server = start(data, port);
      Thread.sleep(1_000);
      stop.set(true);
      for (Thread t : callers) {
        t.join();
      }
      int ok = 0;
      int retryable = 0;
      int unknown = 0;
      for (CompletableFuture<?> stage : stages) {
        try {
          stage.get(30, TimeUnit.SECONDS);
          ok++;
        } catch (TimeoutException e) {
          fail("an operation was left pending across the restart");
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof StorageException storage)) {
            throw new AssertionError("not a storage failure", e.getCause());
          }
          if (storage.isRetryable()) {
            retryable++;
          } else if (storage.getMessage().contains("outcome unknown")) {
            unknown++;
          } else {
            throw new AssertionError("a non-retryable failure", storage);
          }
        }
      }
      String counts =
          "restart: "
              + stages.size()
              + " operations, "
              + ok
              + " succeeded, "
              + retryable
              + " failed retryable, "
              + unknown
              + " outcome unknown, "
              + repo.statistics().get("commits.resolved")
              + " cut-off commits resolved";
      System.out.println(counts);
      assertEquals(stages.size(), ok, counts);
      repo.add(Samples.video("after")).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(
          "after",
          repo.get("after").toCompletableFuture().get(30, TimeUnit.SECONDS).orElseThrow().id());
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
    } finally {
      server.close();
    }
  }

  private static void load(
      PostgresVideoRepository repo,
      ConcurrentLinkedQueue<CompletableFuture<?>> stages,
      AtomicBoolean stop,
      AtomicInteger next) {
    while (!stop.get()) {
      int n = next.incrementAndGet();
      CompletableFuture<?> add = repo.add(Samples.video("r" + n)).toCompletableFuture();
      stages.add(add);
      stages.add(repo.get("r" + (n / 2)).toCompletableFuture());
      try {
        add.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // recorded with the stage; keep the load going
      }
    }
  }
}
