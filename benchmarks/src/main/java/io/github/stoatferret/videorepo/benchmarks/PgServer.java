package io.github.stoatferret.videorepo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL 17 server of a benchmark JVM: the zonky binaries artifact, as the tests use, with
 * its data directory kept in the dataset directory so that the loaded libraries ({@code
 * videos_SIZE_vN} databases) survive from one fork to the next. Default server settings (fsync on,
 * synchronous commit), listening on localhost.
 */
final class PgServer {

  private static final AtomicInteger FRESH = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PgServer() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setDataDirectory(Dataset.dir().resolve("postgres-17").toFile())
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return server;
  }

  /**
   * A pool on a database, as an application would configure HikariCP.
   *
   * @param database the database
   * @param size the most connections
   * @return the pool
   */
  static HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://localhost:" + server().getPort() + "/" + database);
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setPoolName(database);
    return new HikariDataSource(config);
  }

  /**
   * A database holding videos 0 to {@code size - 1} in the repository's schema, loaded through the
   * repository's {@code addAll} on first use.
   *
   * @param size how many videos
   * @return its name
   */
  static synchronized String database(int size) {
    String name = "videos_" + size + "_v" + Dataset.VERSION;
    if (exists(name)) {
      return name;
    }
    String building = "building_" + size + "_" + ProcessHandle.current().pid();
    admin("DROP DATABASE IF EXISTS " + building);
    create(building);
    try (HikariDataSource pool = pool(building, 4);
        PostgresVideoRepository repo = PostgresVideoRepository.builder(pool).open()) {
      for (int from = 0; from < size; from += 1000) {
        repo.addAll(Dataset.videos(from, Math.min(1000, size - from))).toCompletableFuture().join();
      }
    }
    admin("ALTER DATABASE " + building + " RENAME TO " + name);
    try (HikariDataSource pool = pool(name, 1);
        Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE"); // as a loaded production table would have been
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze " + name, e);
    }
    return name;
  }

  /**
   * A new, empty database with the repository's schema, for write benchmarks.
   *
   * @return its name; {@link #drop} it after
   */
  static String fresh() {
    String name = "fresh_" + ProcessHandle.current().pid() + "_" + FRESH.incrementAndGet();
    create(name);
    try (HikariDataSource pool = pool(name, 1)) {
      PostgresVideoRepository.builder(pool).open().close();
    }
    return name;
  }

  static void drop(String database) {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private static void create(String name) {
    admin("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
  }

  private static boolean exists(String name) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot look for database " + name, e);
    }
  }

  private static void admin(String statement) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + statement, e);
    }
  }
}
