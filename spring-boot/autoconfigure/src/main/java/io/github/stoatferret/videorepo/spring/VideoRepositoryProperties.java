package io.github.stoatferret.videorepo.spring;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code videorepo.*} properties: which backend the auto-configured {@link
 * io.github.stoatferret.videorepo.VideoRepository} uses, and that backend's settings. A setting
 * left out takes the backend builder's default, documented there.
 *
 * @param backend Which backend to open: sqlite, postgres or memory.
 * @param sqlite the SQLite backend's settings
 * @param postgres the PostgreSQL backend's settings
 * @param feed the change feed's settings, for every backend
 * @param problemDetails whether library exceptions become RFC 9457 problem details in a web
 *     application
 */
@ConfigurationProperties("videorepo")
public record VideoRepositoryProperties(
    @DefaultValue("sqlite") Backend backend,
    @DefaultValue Sqlite sqlite,
    @DefaultValue Postgres postgres,
    @DefaultValue Feed feed,
    @DefaultValue ProblemDetails problemDetails) {

  /** The backends the starter can open. */
  public enum Backend {
    /** An embedded SQLite database file (module {@code videorepo-sqlite}, in the starter). */
    SQLITE,
    /** PostgreSQL on the application's {@code DataSource} (module {@code videorepo-postgres}). */
    POSTGRES,
    /** In memory, lost at shutdown: for tests and demos (module {@code videorepo-memory}). */
    MEMORY
  }

  /**
   * The SQLite backend's settings.
   *
   * @param file The SQLite database file, created with its directories if missing.
   * @param durability How hard a commit works: normal (a completed write survives a crash of the
   *     process) or full (also a power cut). Unset: normal.
   * @param readers Reader connections and threads. Unset: the processors, from 2 to 8.
   * @param callerThreadReads Whether point reads run on the caller's thread. Unset: yes, except in
   *     a reactive web application, whose event loops must never wait for I/O.
   * @param busyTimeout How long to wait for another process's lock.
   * @param closeTimeout How long shutdown waits for queued operations.
   * @param maxDatabaseSize The largest the database file may grow, in bytes.
   * @param changeRetentionAge How long the change log keeps a change, besides the count kept.
   */
  public record Sqlite(
      @DefaultValue("videos.db") Path file,
      @Nullable DurabilityMode durability,
      @Nullable Integer readers,
      @Nullable Boolean callerThreadReads,
      @Nullable Duration busyTimeout,
      @Nullable Duration closeTimeout,
      @Nullable Long maxDatabaseSize,
      @Nullable Duration changeRetentionAge) {}

  /** The SQLite backend's durability, as a property value. */
  public enum DurabilityMode {
    /** {@code synchronous=NORMAL} in WAL: survives a crash of the process. */
    NORMAL,
    /** {@code synchronous=FULL}: survives a power cut too. */
    FULL
  }

  /**
   * The PostgreSQL backend's settings. The connection is the application's {@code DataSource}
   * ({@code spring.datasource.*}).
   *
   * @param schema The schema that holds the library's tables.
   * @param schemaMode What start-up does with the schema: migrate (create and upgrade it) or
   *     validate (check that a migration tool already did). Unset: migrate.
   * @param readers Connections used for reads at once.
   * @param writers Connections used for writes at once.
   * @param retryBudget How long a write lost to a broken connection is retried.
   * @param closeTimeout How long shutdown waits for queued operations.
   * @param changeLogRetention How long the change log keeps a change, besides the count kept.
   */
  public record Postgres(
      @Nullable String schema,
      @Nullable SchemaModeSetting schemaMode,
      @Nullable Integer readers,
      @Nullable Integer writers,
      @Nullable Duration retryBudget,
      @Nullable Duration closeTimeout,
      @Nullable Duration changeLogRetention) {}

  /** What the PostgreSQL backend does with its schema at start-up, as a property value. */
  public enum SchemaModeSetting {
    /** Create the schema, or bring it to the library's version. */
    MIGRATE,
    /** Only check that the schema is at the library's version. */
    VALIDATE
  }

  /**
   * The change feed's settings.
   *
   * @param retention How many of the latest changes are kept for subscribers that resume.
   * @param buffer How many changes a live subscriber may fall behind before it catches up from the
   *     kept ones.
   */
  public record Feed(@Nullable Long retention, @Nullable Integer buffer) {}

  /**
   * Problem details for the library's exceptions.
   *
   * @param enabled Whether the library's exceptions become RFC 9457 problem details.
   */
  public record ProblemDetails(@DefaultValue("true") boolean enabled) {}
}
