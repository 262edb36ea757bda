package io.github.stoatferret.videorepo.examples.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue opened from a {@code --db} value: a file path (SQLite) or a {@code
 * jdbc:postgresql://} URL (PostgreSQL, through a small pool the tool owns, since the repository
 * never closes the data source it is given). Closing closes both.
 */
final class OpenCatalog implements AutoCloseable {

  /** How a PostgreSQL catalogue is named on the command line. */
  static final String POSTGRES_URL = "jdbc:postgresql:";

  /** Workers of the repository; the pool has as many connections, so none waits for one. */
  private static final int CONNECTIONS = 8;

  private final BlockingVideoRepository repo;
  private final @Nullable SqliteVideoRepository sqlite;
  private final @Nullable HikariDataSource pool;
  private final String name;

  private OpenCatalog(
      BlockingVideoRepository repo,
      @Nullable SqliteVideoRepository sqlite,
      @Nullable HikariDataSource pool,
      String name) {
    this.repo = repo;
    this.sqlite = sqlite;
    this.pool = pool;
    this.name = name;
  }

  /**
   * Opens a catalogue.
   *
   * @param db a SQLite file path or a PostgreSQL JDBC URL
   * @param env the environment, for {@code PGUSER} and {@code PGPASSWORD}
   * @return the opened catalogue
   * @throws IllegalArgumentException for a JDBC URL of another database
   */
  static OpenCatalog open(String db, Map<String, String> env) {
    if (db.startsWith(POSTGRES_URL)) {
      return openPostgres(db, env);
    }
    if (db.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "--db "
              + db
              + " is not supported: give a SQLite file"
              + " path or a jdbc:postgresql:// URL");
    }
    SqliteVideoRepository sqlite = SqliteVideoRepository.open(Path.of(db));
    return new OpenCatalog(sqlite.blocking(), sqlite, null, db);
  }

  private static OpenCatalog openPostgres(String url, Map<String, String> env) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    // The libpq variables, as psql reads them; a user or password in the URL wins, since
    // pgjdbc gives the URL's properties precedence over the data source's.
    String user = env.get("PGUSER");
    String password = env.get("PGPASSWORD");
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(CONNECTIONS);
    config.setMinimumIdle(0);
    config.setPoolName("video-catalog");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      PostgresVideoRepository repo =
          PostgresVideoRepository.builder(pool).readers(CONNECTIONS).open();
      return new OpenCatalog(repo.blocking(), null, pool, withoutPassword(url));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The URL as it may be printed: a {@code password} parameter's value is masked. */
  static String withoutPassword(String url) {
    return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }

  /**
   * The repository.
   *
   * @return the blocking view of the repository
   */
  BlockingVideoRepository repo() {
    return repo;
  }

  /**
   * What the user named, printable (no password).
   *
   * @return the file path or the URL
   */
  String name() {
    return name;
  }

  /**
   * After a bulk write, merges a SQLite catalogue's search index into one piece ({@link
   * SqliteVideoRepository#optimize}), so that later runs search it at full speed: a tool that
   * writes and exits never leaves the repository idle long enough to do it on its own. PostgreSQL's
   * indexes need nothing of the kind.
   *
   * @param log told before the merge starts (seconds at a million videos), so the pause after the
   *     progress bar is explained
   */
  void optimizeAfterBulkWrite(PrintWriter log) {
    if (sqlite != null) {
      log.println("merging the search index of " + name + " (once, after a bulk write)");
      log.flush();
      try {
        sqlite.optimize().toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  @Override
  public void close() {
    try {
      repo.close();
    } finally {
      if (pool != null) {
        pool.close();
      }
    }
  }
}
