package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.Video;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The repository leaves the user's connections as it found them, also with a pool that does not
 * reset them on return (HikariCP does; many do not): auto-commit as it was, and no transaction left
 * open and no channel listened to, whether the pool hands connections out in auto-commit mode or
 * not.
 */
class ConnectionStateTest {

  /** A pool of a few real connections that hands them back exactly as they were returned. */
  private static final class NonResettingPool extends TestDataSource {
    final List<Connection> all = new ArrayList<>();
    private final LinkedBlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

    NonResettingPool(String url, int size, boolean autoCommit) throws SQLException {
      for (int i = 0; i < size; i++) {
        Connection c = DriverManager.getConnection(url, "postgres", "");
        c.setAutoCommit(autoCommit);
        all.add(c);
        idle.add(c);
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real;
      try {
        real = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted", "08000", e);
      }
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  idle.add(real); // no rollback, no reset: as it is
                  return null;
                }
                return InterceptingDataSource.proceed(real, method, args);
              });
    }

    void close() throws SQLException {
      for (Connection c : all) {
        c.close();
      }
    }
  }

  private static void use(DataSource ds, String schema) {
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(ds)
            .schema(schema)
            .listener(event -> {})
            .readers(1)
            .writers(1)
            .open()) {
      Video a = Samples.video("a");
      repo.add(a).toCompletableFuture().join();
      repo.update(a.toBuilder().fileSize(9).build(), 1).toCompletableFuture().join();
      assertEquals(9, repo.get("a").toCompletableFuture().join().orElseThrow().fileSize());
      assertEquals(1, repo.search("a.mp4").toCompletableFuture().join().size());
      repo.delete("absent").toCompletableFuture().join();
      assertEquals(1L, repo.count().toCompletableFuture().join());
    }
  }

  private static long idleInTransaction(String database) throws SQLException {
    try (Connection admin = DriverManager.getConnection(TestServer.url(database), "postgres", "");
        Statement s = admin.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void autoCommitConnectionsComeBackInAutoCommitWithNoTransactionOpen() throws Exception {
    String database = TestServer.newDatabase();
    NonResettingPool pool = new NonResettingPool(TestServer.url(database), 3, true);
    try {
      use(pool, "auto");
      for (Connection c : pool.all) {
        assertTrue(c.getAutoCommit(), "a write left a connection out of auto-commit");
      }
      assertEquals(0, idleInTransaction(database));
      for (Connection c : pool.all) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_listening_channels()")) {
          rs.next();
          assertEquals(0, rs.getLong(1), "the change feed left its connection listening");
        }
      }
    } finally {
      pool.close();
    }
  }

  @Test
  void manualCommitConnectionsStayManualAndReadsLeaveNoTransactionOpen() throws Exception {
    String database = TestServer.newDatabase();
    NonResettingPool pool = new NonResettingPool(TestServer.url(database), 3, false);
    try {
      use(pool, "manual");
      for (Connection c : pool.all) {
        assertTrue(!c.getAutoCommit(), "a connection handed out in manual commit was changed");
      }
      assertEquals(0, idleInTransaction(database), "a read left its transaction open");
    } finally {
      pool.close();
    }
  }
}
