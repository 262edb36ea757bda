package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.engine.Micros;
import io.github.stoatferret.videorepo.spi.ForwardingVideoRepository;
import io.github.stoatferret.videorepo.sqlite.internal.ChangeRetention;
import io.github.stoatferret.videorepo.sqlite.internal.Database;
import io.github.stoatferret.videorepo.sqlite.internal.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VideoRepository} stored in an embedded SQLite database: the backend to deploy.
 *
 * <pre>{@code
 * try (VideoRepository repo = SqliteVideoRepository.open(Path.of("videos.db"))) {
 *   repo.add(video).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 *
 * <ul>
 *   <li>The database runs in WAL mode. One writer thread owns the one writer connection (SQLite
 *       allows one writer at a time anyway); a few reader threads each own a read-only connection,
 *       so reads run in parallel with each other and with writes. Point reads ({@code get}, {@code
 *       getByPath}, {@code count}) run on the caller's thread on a pooled read-only connection when
 *       one is free ({@link Builder#callerThreadReads}). A checkpointer thread with a connection of
 *       its own copies committed pages from the WAL into the database file as writes go on, so that
 *       no commit stops to do it (SQLite's own checkpoint, every 256 MB of WAL, stays as a
 *       backstop). Under sustained writes the WAL file therefore grows to about 256 MB beside the
 *       database, and stays that size (up to 512 MB) until the repository is closed, which removes
 *       it; after a crash, the next open reads what it holds (about half a second for 256 MB). No
 *       connection is ever used by two threads at once.
 *   <li><b>Group commit.</b> The writer takes every write queued at that moment and commits them in
 *       one transaction. A write that fails a check (unique id and path, existence) has changed
 *       nothing, so a clash fails only its own write and its group-mates commit. A write's stage
 *       completes only after the commit that holds it, so many concurrent writers share one commit
 *       (and, with {@link Durability#FULL}, one sync).
 *   <li>Callers' code never runs on the writer or reader threads, so a slow callback cannot stall
 *       the engine: an engine thread completes a returned stage itself (waking a caller blocked in
 *       {@code join} at once), but every callback attached to the stage, with or without {@code
 *       Async}, runs on the callback executor. By default the repository owns a small pool of
 *       daemon threads for this; {@link Builder#callbackExecutor} supplies another. The returned
 *       stage is read-only (VR-1.10): only the engine completes it, and {@code
 *       toCompletableFuture()} gives a copy that the caller may complete or cancel.
 *   <li>No engine thread dies of an exception. An unexpected {@code RuntimeException} fails its own
 *       read, or its write group after a rollback, with a {@link StorageException}; an {@code
 *       Error} fails everything queued and every later call, until the repository is closed and
 *       opened again. A stored row that does not hold a valid video fails the reads that reach it
 *       with a {@link StorageException} naming its id and column.
 *   <li>The schema is versioned ({@code PRAGMA user_version}) and migrated at open by plain SQL
 *       scripts named the Flyway way ({@code V1__videos.sql}). A database written by a newer
 *       version of the library is refused without being changed, as is one whose text is not stored
 *       as UTF-8 (SQLite's default). Since schema V4 the table is {@code STRICT}, so SQLite refuses
 *       a value of the wrong type from any program (every program that opens the file needs SQLite
 *       3.37 or later). The upgrade to V4 rewrites the table once (its time grows with the library:
 *       see docs/benchmarks.md), leaving the old table's pages as free space that later writes
 *       reuse ({@code VACUUM} gives them back), and stops at a value of the wrong type that an
 *       older table let another program store, naming its row and column.
 *   <li>Search folds text with {@link io.github.stoatferret.videorepo.SearchText#fold} in Java and
 *       stores the folded text. Rows are keyed in list order (schema V3: by createdAt, in buckets
 *       of about 4 ms), so a query of three or more characters reads its candidates from an FTS5
 *       trigram index already in list order, and a shorter one walks the table; both stop soon
 *       after the limit, whether the text is rare or frequent. Every candidate is checked as a
 *       literal substring, so no query syntax leaks. The index gains a piece with every commit;
 *       after open, and again once writes reach a quarter of the library, the writer merges the
 *       pieces into one whenever it has been idle for 100 ms, in steps that each hold up a write
 *       arriving meanwhile for tens of milliseconds at most. {@link #optimize} merges them at once,
 *       for a job that writes and exits.
 *   <li>{@code page} seeks an index on (createdAt, id), so page 10,000 costs what page 1 does.
 *   <li><b>Change feed.</b> The writer numbers each change and logs it in the same transaction
 *       (schema V6), so a change's position is as durable as the change. Live subscribers take
 *       changes from a buffer each ({@link Builder#changeBuffer}); one that resumes, or falls
 *       behind its buffer, reads the log through the reader threads. The log keeps the latest
 *       {@link Builder#changeRetention} changes (optionally no older than {@link
 *       Builder#changeRetentionAge}). Subscribers are signalled on threads of the feed's own, never
 *       an engine thread. Another process writing the same file numbers its changes in the same log
 *       (positions are drawn under the write lock); they reach this process's live subscribers, in
 *       order, when this process next commits, since the feed does not poll the file. A subscriber
 *       that resumes reads them at once.
 * </ul>
 *
 * <p>Another process may use the same file: writes wait up to the busy timeout for its lock and
 * then fail with a retryable {@link StorageException}. An in-memory database is private to the
 * repository and has no reader or checkpointer thread: its reads run on the writer thread.
 */
public final class SqliteVideoRepository extends ForwardingVideoRepository {

  /** The default of {@link Builder#changeRetention}. */
  public static final long DEFAULT_CHANGE_RETENTION = 100_000;

  /** The default of {@link Builder#changeBuffer}. */
  public static final int DEFAULT_CHANGE_BUFFER = 1_024;

  private final SqliteStore store;
  private final Clock clock;

  private SqliteVideoRepository(SqliteStore store, Clock clock) {
    super(store);
    this.store = store;
    this.clock = clock;
  }

  /**
   * Opens (creating it if needed) a database file with the default settings.
   *
   * @param file the database file; its directory must exist
   * @return the repository
   * @throws StorageException naming the file if it cannot be opened as a videorepo database (not a
   *     SQLite file, corrupt, written by a newer version, unreadable); the file is not changed
   */
  public static SqliteVideoRepository open(Path file) {
    return builder().file(file).open();
  }

  /**
   * Starts a builder; without {@link Builder#file} or {@link Builder#inMemory} it opens a private
   * in-memory database.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for {@link SqliteVideoRepository}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Path file;
    private int readers = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private Durability durability = Durability.NORMAL;
    private Duration busyTimeout = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private VideoChangeListener listener = VideoChangeListener.NONE;
    private @Nullable Executor callbackExecutor;
    private long maxSize;
    private boolean callerThreadReads = true;
    private Clock clock = Clock.systemUTC();
    private long changeRetention = DEFAULT_CHANGE_RETENTION;
    private Duration changeRetentionAge = Duration.ZERO;
    private int changeBuffer = DEFAULT_CHANGE_BUFFER;

    private Builder() {}

    /**
     * How many of the latest changes the change log keeps for feed subscribers that resume or fall
     * behind (VR-17.4); default {@value SqliteVideoRepository#DEFAULT_CHANGE_RETENTION}. The log is
     * pruned as writes come, a quarter of this (at most 4,096 changes) at a time, so it holds up to
     * 1.25 times as many. Each change costs a row of about the size of the video's fields (two for
     * an update).
     *
     * @param changes at least 1
     * @return this builder
     */
    public Builder changeRetention(long changes) {
      if (changes < 1) {
        throw new IllegalArgumentException("changeRetention must be at least 1, was " + changes);
      }
      changeRetention = changes;
      return this;
    }

    /**
     * How long the change log keeps a change at most, besides {@link #changeRetention}; zero (the
     * default) for no limit by age. For a service whose clients reconnect within a known time.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder changeRetentionAge(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("changeRetentionAge must not be negative, was " + value);
      }
      changeRetentionAge = value;
      return this;
    }

    /**
     * How many undelivered changes the feed buffers for each subscriber before that subscriber
     * reads the change log instead (VR-17.3); default {@value
     * SqliteVideoRepository#DEFAULT_CHANGE_BUFFER}.
     *
     * @param changes at least 1
     * @return this builder
     */
    public Builder changeBuffer(int changes) {
      if (changes < 1) {
        throw new IllegalArgumentException("changeBuffer must be at least 1, was " + changes);
      }
      changeBuffer = changes;
      return this;
    }

    /**
     * Stores the videos in a file, created if absent.
     *
     * @param value the file
     * @return this builder
     */
    public Builder file(Path value) {
      file = Objects.requireNonNull(value, "file");
      return this;
    }

    /**
     * Stores the videos in a private in-memory database, gone at close.
     *
     * @return this builder
     */
    public Builder inMemory() {
      file = null;
      return this;
    }

    /**
     * Sets the number of reader connections (and threads) of a file database. Default: the number
     * of processors, at least 2 and at most 8.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder readers(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("readers must be at least 1, was " + value);
      }
      readers = value;
      return this;
    }

    /**
     * Whether {@code get}, {@code getByPath} and {@code count} of a file database run on the
     * calling thread, on a read-only connection borrowed from a pool of at most {@link #readers}
     * connections (other reads, and point reads when every pooled connection is busy, go to the
     * reader threads). Default {@code true}: such a read takes a few microseconds, and the hand-off
     * to a reader thread and back costs more than the read (the figures are in docs/benchmarks.md,
     * {@code CallerBenchmark.get}). The price is that the call blocks its caller for the read:
     * normally microseconds, but up to the {@link #busyTimeout} in the rare case that SQLite must
     * wait for another process (WAL recovery). Code on an event loop that must never block can turn
     * it off. Callbacks run on the callback executor either way.
     *
     * @param value whether point reads run on the caller's thread
     * @return this builder
     */
    public Builder callerThreadReads(boolean value) {
      callerThreadReads = value;
      return this;
    }

    /**
     * Sets the durability; default {@link Durability#NORMAL}.
     *
     * @param value the durability
     * @return this builder
     */
    public Builder durability(Durability value) {
      durability = Objects.requireNonNull(value, "durability");
      return this;
    }

    /**
     * Sets how long a connection waits for another process's lock before the operation fails with a
     * retryable {@link StorageException}; default 5 seconds.
     *
     * @param value the timeout, zero or more
     * @return this builder
     */
    public Builder busyTimeout(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("busyTimeout must not be negative, was " + value);
      }
      busyTimeout = value;
      return this;
    }

    /**
     * Caps the size of the database file. A write that would grow it beyond the cap fails with a
     * {@link StorageException} (not retryable), exactly as on a full disk, and changes nothing;
     * reads go on, and writes succeed again once deletes have freed space. Default: no cap beyond
     * SQLite's own. The cap is on the database file alone: the WAL beside it can hold up to about
     * 256 MB more while writes go on (see the class description).
     *
     * @param bytes the largest size, at least 1 MiB
     * @return this builder
     */
    public Builder maxDatabaseSize(long bytes) {
      if (bytes < (1 << 20)) {
        throw new IllegalArgumentException("maxDatabaseSize must be at least 1 MiB, was " + bytes);
      }
      maxSize = bytes;
      return this;
    }

    /**
     * Sets the listener that receives every committed change, in commit order, on the callback
     * executor, one event at a time.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(VideoChangeListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets the executor on which callbacks attached to returned stages run (all of them: the stages
     * run even non-async callbacks there) and change events are delivered (the same name as {@code
     * PostgresVideoRepository}'s). Default: a small pool of daemon threads owned by the repository
     * and stopped by {@link #close()}. A given executor is not shut down; one that runs tasks in
     * the calling thread gives up the protection of the engine threads from slow callbacks.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor value) {
      callbackExecutor = Objects.requireNonNull(value, "callbackExecutor");
      return this;
    }

    /**
     * Sets how long {@link #close()} lets the operations still queued run; after it, each one that
     * has not started fails with {@code RepositoryClosedException} (a commit under way finishes).
     * Default 30 seconds, as {@code PostgresVideoRepository}'s. A close behind a long queue of
     * writes, or behind a writer waiting for another process's lock, then ends in about this time
     * plus one commit.
     *
     * @param value zero or more
     * @return this builder
     */
    public Builder closeTimeout(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("closeTimeout must not be negative, was " + value);
      }
      closeTimeout = value;
      return this;
    }

    /**
     * Sets the clock that stamps the videos {@code create} and {@code update(id, fields)} make;
     * default {@link Clock#systemUTC()}. A fixed clock makes a test's timestamps predictable.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Opens the repository.
     *
     * @return the repository
     * @throws StorageException naming the file if it cannot be opened
     */
    public SqliteVideoRepository open() {
      return new SqliteVideoRepository(
          SqliteStore.open(
              Database.of(file, durability, busyTimeout, maxSize),
              readers,
              callerThreadReads,
              listener,
              callbackExecutor,
              closeTimeout,
              new ChangeRetention(
                  changeRetention,
                  Micros.of(Instant.EPOCH.plus(changeRetentionAge)),
                  changeBuffer)),
          clock);
    }
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * Merges the full-text search index into one piece now, rather than when the writer next has 100
   * ms with nothing to do. For a batch tool that writes a large library and exits (an import) and
   * is never idle that long: every later session searches the merged index. A merge rewrites the
   * whole index, so it takes longer the larger the library (seconds at a million videos).
   *
   * <p>The merge runs on the writer thread in steps, each its own transaction, with the writes
   * queued meanwhile committed between them, so it holds up no write for more than one step (tens
   * of milliseconds); those writes add small pieces of their own, which the merge leaves. Searches
   * stay correct throughout. An index already merged costs one step. {@link #close()} waits for a
   * merge asked for before it.
   *
   * @return completes with {@code null} once the index is merged; fails with a {@link
   *     StorageException} if a step fails (the step is rolled back, nothing is lost) or with a
   *     {@link io.github.stoatferret.videorepo.RepositoryClosedException} after close
   */
  public CompletionStage<Void> optimize() {
    return store.optimize();
  }

  /**
   * Refuses new calls, waits for queued operations to finish, closes every connection and stops
   * every thread the repository started. Idempotent.
   */
  @Override
  public void close() {
    super.close();
  }

  /**
   * The engine's figures, for metrics (VR-15.2): {@code writes.queued} and {@code reads.queued}
   * (operations waiting for the writer and for a reader thread), {@code commits} (group commits
   * made) and {@code writes.committed} (the writes they held: divided by {@code commits}, the mean
   * group size), {@code database.bytes} and {@code wal.bytes} (the file and its write-ahead log,
   * zero in memory). Counters start at zero when the repository opens.
   *
   * @return the figures, by name
   */
  @Override
  public Map<String, Long> statistics() {
    return super.statistics();
  }
}
