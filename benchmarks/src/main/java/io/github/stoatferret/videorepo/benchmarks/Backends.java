package io.github.stoatferret.videorepo.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.sqlite.Durability;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The backends a benchmark can run against, by name: {@code sqlite} (file-backed repository),
 * {@code memory}, {@code raw} (one sqlite-jdbc connection, synchronous) and {@code handrolled}
 * (supplyAsync over HikariCP); on the embedded PostgreSQL server ({@link PgServer}): {@code
 * postgres} (the repository, 8 workers on a HikariCP pool of 8), {@code postgres2} (the same with
 * two writer lanes) and {@code pgbaseline} (supplyAsync over HikariCP and pgjdbc, {@link
 * HandRolledPostgres}), which also serves the LIKE scan of {@code pglike}.
 */
final class Backends implements AutoCloseable {

  private final String name;
  private final Path file;
  private final boolean ownsFile;
  private VideoRepository repo;
  private RawJdbc raw;

  /** Callers of the one raw connection take turns on this. */
  private final Object rawTurn = new Object();

  private HandRolledAsync handRolled;
  private HandRolledPostgres handRolledPg;
  private HikariDataSource pgPool;
  private String pgDatabase;

  /**
   * Opens a backend over a database of videos 0 to {@code size - 1}, or over an empty new file when
   * {@code size} is 0.
   */
  Backends(String name, int size) {
    this(name, size, Durability.NORMAL);
  }

  /** As above, with a durability for the repository and the matching pragma for baselines. */
  Backends(String name, int size, Durability durability) {
    this.name = name;
    boolean postgres = name.startsWith("pg") || name.startsWith("postgres");
    this.ownsFile = size == 0 && !postgres;
    this.file = postgres ? null : size == 0 ? Dataset.fresh(name) : Dataset.database(size);
    if (postgres) {
      pgDatabase = size == 0 ? PgServer.fresh() : PgServer.database(size);
      pgPool = PgServer.pool(pgDatabase, 8);
    }
    switch (name) {
      case "postgres" -> repo = PostgresVideoRepository.builder(pgPool).readers(8).open();
      case "postgres2" ->
          repo = PostgresVideoRepository.builder(pgPool).readers(8).writers(2).open();
      case "pgbaseline", "pglike" -> handRolledPg = new HandRolledPostgres(pgPool);
      case "sqlite" ->
          repo = SqliteVideoRepository.builder().file(file).durability(durability).open();
      case "memory" -> {
        repo = InMemoryVideoRepository.create();
        for (int from = 0; from < size; from += 1000) {
          repo.addAll(Dataset.videos(from, Math.min(1000, size - from)))
              .toCompletableFuture()
              .join();
        }
      }
      case "raw", "like" -> SqliteVideoRepository.open(file).close(); // creates the schema
      case "handrolled" -> {
        SqliteVideoRepository.open(file).close();
        handRolled = new HandRolledAsync(file, durability);
      }
      default -> throw new IllegalArgumentException("unknown backend " + name);
    }
    if (name.equals("raw") || name.equals("like")) {
      try {
        raw = new RawJdbc(file, durability);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  VideoRepository repository() {
    return repo;
  }

  /** The PostgreSQL pool; null for other backends. */
  javax.sql.DataSource dataSource() {
    return pgPool;
  }

  /** The one raw connection; callers on several threads take turns. */
  RawJdbc raw() {
    return raw;
  }

  Video add(Video v) throws SQLException {
    switch (name) {
      case "raw" -> {
        synchronized (rawTurn) {
          raw.add(v);
        }
      }
      case "handrolled" -> handRolled.add(v).join();
      case "pgbaseline" -> handRolledPg.add(v).join();
      default -> repo.add(v).toCompletableFuture().join();
    }
    return v;
  }

  Video get(String id) throws SQLException {
    return switch (name) {
      case "raw" -> {
        synchronized (rawTurn) {
          yield raw.get(id);
        }
      }
      case "handrolled" -> handRolled.get(id).join();
      case "pgbaseline" -> handRolledPg.get(id).join();
      default -> repo.get(id).toCompletableFuture().join().orElse(null);
    };
  }

  Optional<Video> getByPath(String path) {
    if (handRolledPg != null) {
      return Optional.ofNullable(handRolledPg.getByPath(path).join());
    }
    return repo.getByPath(path).toCompletableFuture().join();
  }

  /** The PostgreSQL baseline; null for other backends. */
  HandRolledPostgres handRolledPostgres() {
    return handRolledPg;
  }

  @Override
  public void close() throws SQLException {
    if (repo != null) {
      repo.close();
    }
    if (handRolled != null) {
      handRolled.close();
    }
    if (raw != null) {
      raw.close();
    }
    if (handRolledPg != null) {
      handRolledPg.close();
    }
    if (pgPool != null) {
      pgPool.close();
      if (pgDatabase.startsWith("fresh_")) {
        PgServer.drop(pgDatabase);
      }
    }
    if (ownsFile) {
      Dataset.deleteWithSidecars(file);
    }
  }
}
