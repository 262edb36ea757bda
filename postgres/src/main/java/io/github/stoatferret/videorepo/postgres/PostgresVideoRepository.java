package io.github.stoatferret.videorepo.postgres;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.postgres.internal.PostgresStore;
import io.github.stoatferret.videorepo.spi.ForwardingVideoRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VideoRepository} in a PostgreSQL database, through the user's {@link DataSource}: the
 * backend for catalogues shared by many application instances.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config); // yours, and yours to close
 * try (VideoRepository repo = PostgresVideoRepository.builder(pool).schema("videos").open()) {
 *   repo.add(video).toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 *
 * <ul>
 *   <li>A read borrows a connection from the data source on a worker thread (a pool of the
 *       repository's own by default, or {@link Builder#executor}). Writes go to the repository's
 *       two writer threads (lanes, {@link Builder#writers}), the writes of one calling thread
 *       always to the same lane; a lane commits the writes queued when it takes them in one
 *       transaction (group commit, up to 256 writes or 4,096 new videos): concurrent writers share
 *       one commit, and runs of adds one check and one batch insert. Every stage is completed on
 *       the thread that ran it, and every callback attached to it runs on a callback executor,
 *       never on a worker or a writer (rules VR-1.10 and VR-1.11).
 *   <li>Each write checks ids and paths before it changes anything, so a clash is reported with the
 *       right key and fails that write alone, its group-mates committing; the named unique
 *       constraints guard against concurrent writers in other processes. A group failing otherwise
 *       is run again one write per transaction, so that the database's refusal of one write fails
 *       that write only.
 *   <li><b>Failures that pass are waited out.</b> A serialization failure or deadlock (SQLSTATE
 *       40001, 40P01), a lost connection (08xxx) or a server shutting down, starting or failing
 *       over (57P01 to 57P03) reruns the operation on a fresh connection, with pauses from 2 ms
 *       growing to half a second, for up to {@link Builder#retryBudget} (30 seconds): a restart
 *       within it costs latency, not failures. Then the failure is reported, a retryable {@link
 *       StorageException} (also for 53300, too many connections).
 *   <li><b>A commit cut off is resolved, not guessed.</b> When the connection is lost <em>while
 *       committing</em>, the write may or may not have committed. The transaction's id, read with
 *       the change counter it updates anyway, settles it: on a new connection {@code
 *       pg_xact_status} says committed (the stage succeeds with the write's result) or aborted (the
 *       write runs again). On a promoted synchronous standby the same holds, since it has the
 *       commit record of every acknowledged commit; a transaction it never saw did not commit
 *       there, even if it gave the same id to a transaction of its own since (the write's log row
 *       tells them apart). Only if no server answers within the budget does the stage fail with a
 *       non-retryable {@code StorageException} saying "outcome unknown", and the caller reads the
 *       video back before trying again. Needs PostgreSQL 13 or later.
 *   <li>The schema is the library's: versioned scripts ({@code V1__videos.sql}) applied at open
 *       under a row lock on a one-row version table, so that processes opening an empty database at
 *       once migrate it once; a newer schema is refused unchanged. See {@link SchemaMode}. Several
 *       catalogues can share a database, one per schema.
 *   <li>Search matches the folded file name and path ({@link
 *       io.github.stoatferret.videorepo.SearchText#fold}) with {@code LIKE}, indexed by {@code
 *       pg_trgm} GIN indexes where the extension can be created (else it still works, scanning, and
 *       says so once in the log). {@code page} seeks an index on the list order.
 *   <li><b>Change events and the change feed across processes.</b> Every write transaction appends
 *       its changes to a change log, numbered in commit order by a one-row counter it updates last
 *       (the numbers are the feed's positions), and sends a {@code NOTIFY}. A repository with a
 *       listener or a feed subscriber reads the log from one thread, woken by the notification or,
 *       failing that, by its poll interval: it sees every change committed by any process after it
 *       opened, exactly once, in commit order, and catches up after a lost connection. That thread
 *       holds one connection of the pool, from the first subscription (or from open, with a
 *       listener) until close. A subscriber that resumes from a position, or falls behind its
 *       buffer, reads the log on the worker threads, from any process. The log keeps changes for
 *       {@link Builder#changeLogRetention} (default one day) and at most about {@link
 *       Builder#changeRetention} of them; a listener away longer misses what was pruned, a feed
 *       subscriber is told ({@link
 *       io.github.stoatferret.videorepo.ChangePositionExpiredException}).
 * </ul>
 *
 * <p>Durability is the server's: a write's stage completes after its commit.
 */
public final class PostgresVideoRepository extends ForwardingVideoRepository {

  /** The default of {@link Builder#changeRetention}. */
  public static final long DEFAULT_CHANGE_RETENTION = 1_000_000;

  /** The default of {@link Builder#changeBuffer}. */
  public static final int DEFAULT_CHANGE_BUFFER = 1_024;

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

  private final PostgresStore store;
  private final Clock clock;

  private PostgresVideoRepository(PostgresStore store, Clock clock) {
    super(store);
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * Starts a builder over a data source.
   *
   * @param dataSource the connections to use; the repository never closes it
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Settings for {@link PostgresVideoRepository}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = "videorepo";
    private SchemaMode mode = SchemaMode.MIGRATE;
    private VideoChangeListener listener = VideoChangeListener.NONE;
    private @Nullable Executor executor;
    private int readers = 8;
    private int writers = 2;
    private @Nullable Executor callbackExecutor;
    private Duration poll = Duration.ofMillis(500);
    private Duration retention = Duration.ofDays(1);
    private long changeRetention = DEFAULT_CHANGE_RETENTION;
    private int changeBuffer = DEFAULT_CHANGE_BUFFER;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Duration retryBudget = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the schema that holds the catalogue; default {@code videorepo}. Two catalogues in one
     * database use two schemas.
     *
     * @param value lower-case letters, digits and {@code _}, at most 40, not starting with a digit
     * @return this builder
     */
    public Builder schema(String value) {
      if (!SCHEMA_NAME.matcher(Objects.requireNonNull(value, "schema")).matches()) {
        throw new IllegalArgumentException(
            "schema must be lower-case letters, digits and _, at"
                + " most 40, not starting with a digit, was \""
                + value
                + "\"");
      }
      schema = value;
      return this;
    }

    /**
     * Sets what happens to the schema at open; default {@link SchemaMode#MIGRATE}.
     *
     * @param value the mode
     * @return this builder
     */
    public Builder schemaMode(SchemaMode value) {
      mode = Objects.requireNonNull(value, "schemaMode");
      return this;
    }

    /**
     * Sets the listener that receives every change committed to the catalogue by any process, once,
     * in commit order, on the callback executor, one at a time.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(VideoChangeListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Runs the reads' blocking JDBC work on this executor instead of a pool of the repository's own
     * (on Java 21, {@code Executors.newVirtualThreadPerTaskExecutor()} fits); writes always run on
     * the repository's writer threads. It is not shut down by {@link #close()}.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Sets the number of reader threads, the repository's own read worker pool (when no executor is
     * given); default 8. The same name as {@code SqliteVideoRepository}'s. More workers than the
     * data source has connections only queue in the pool; each writer thread takes one more
     * connection while it commits, and a listener's feed one.
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
     * Sets how many writer threads (lanes) commit groups of writes; default 2. Each has a queue of
     * its own, takes the writes queued there when it is free and commits them in one transaction,
     * holding one connection while it does. With 2, one group's statements run on the server while
     * another commits: 64 concurrent adds went 1.8 times as fast as with 1 on a 2-vCPU machine
     * (docs/benchmarks.md); a single caller gains nothing. A thread's writes always go to the same
     * lane, so the writes one thread issues without waiting for the previous one commit in the
     * order it issued them; writes of different threads that do not wait for each other may commit
     * in either order. With 1, every write commits in the order of the calls that queued it, as
     * with SQLite. Commits stay in one order for everyone (the change log's counter row), and every
     * rule of the specification holds. With its own reader threads, the repository uses up to
     * {@code readers + writers + 1} connections at once (the one: the change feed's listener), 11
     * with the defaults: size the pool for them, or operations wait for a connection.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder writers(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("writers must be at least 1, was " + value);
      }
      writers = value;
      return this;
    }

    /**
     * Sets where callbacks attached to returned stages, and change events, run; default a small
     * pool of the repository's own, stopped by {@link #close()}.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor value) {
      callbackExecutor = Objects.requireNonNull(value, "callbackExecutor");
      return this;
    }

    /**
     * Sets how often the change feed reads the log when no notification came; default 500 ms.
     *
     * @param value positive
     * @return this builder
     */
    public Builder pollInterval(Duration value) {
      poll = positive(value, "pollInterval");
      return this;
    }

    /**
     * Sets how many of the latest changes the change log keeps at least, besides {@link
     * #changeLogRetention} (a change goes once either lets it go); default {@value
     * PostgresVideoRepository#DEFAULT_CHANGE_RETENTION}. Each process prunes every quarter of this
     * many writes (at most every 1,024), so the log holds somewhat more.
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
     * Sets how many undelivered changes the feed buffers for each subscriber before that subscriber
     * reads the change log instead (VR-17.3); default {@value
     * PostgresVideoRepository#DEFAULT_CHANGE_BUFFER}.
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
     * Sets how long the change log keeps a change; default one day.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder changeLogRetention(Duration value) {
      if (positive(value, "changeLogRetention").toSeconds() < 1) {
        throw new IllegalArgumentException("changeLogRetention must be at least 1 s, was " + value);
      }
      retention = value;
      return this;
    }

    /**
     * Sets how long an operation keeps trying through failures that trying again may cure: a lost
     * connection, a server restarting or failing over, a serialization failure or a deadlock.
     * Attempts are spaced 2 ms apart, then twice as far each time, up to half a second. Default 30
     * seconds, HikariCP's default connection timeout: a restart or a failover that ends within it
     * costs callers latency, not failures. When it is spent, the last failure is reported, a
     * retryable {@code StorageException}. A write whose connection is lost while it commits is
     * resolved within the same budget ({@code pg_xact_status}).
     *
     * @param value zero (one attempt) or more
     * @return this builder
     */
    public Builder retryBudget(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("retryBudget must not be negative, was " + value);
      }
      retryBudget = value;
      return this;
    }

    /**
     * Sets how long {@link #close()} waits for operations in flight; those still running then fail
     * with {@code RepositoryClosedException}. Default 30 seconds.
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
     * Opens the repository: prepares or checks the schema as the mode says.
     *
     * @return the repository
     * @throws StorageException naming the schema if it cannot be used (a newer version, missing
     *     tables under {@link SchemaMode#VALIDATE}, no connection)
     */
    public PostgresVideoRepository open() {
      return new PostgresVideoRepository(
          PostgresStore.open(
              new PostgresStore.Settings(
                  dataSource,
                  schema,
                  mode,
                  listener,
                  executor,
                  readers,
                  writers,
                  callbackExecutor,
                  poll,
                  retention,
                  changeRetention,
                  changeBuffer,
                  closeTimeout,
                  retryBudget)),
          clock);
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }

  /**
   * Whether searches use trigram indexes ({@code pg_trgm} was available at open).
   *
   * @return {@code true} if so
   */
  public boolean usesTrigramIndexes() {
    return store.trigramIndexes();
  }

  /**
   * Refuses new calls, waits for the operations in flight, stops the change feed and every thread
   * the repository started. Idempotent. The data source stays open.
   */
  @Override
  public void close() {
    super.close();
  }

  /**
   * The engine's figures, for metrics (VR-15.2): {@code operations.inFlight} (operations admitted
   * and not yet completed), {@code writes.queued} (writes waiting for a writer lane), {@code
   * commits} (transactions the lanes committed), {@code writes.committed} (the writes they held:
   * divided by {@code commits}, the mean group size) and {@code commits.resolved} (commits whose
   * connection was lost and whose outcome the server was asked). Counters start at zero when the
   * repository opens; the pool's and the server's own figures are the pool's and the server's to
   * report.
   *
   * @return the figures, by name
   */
  @Override
  public Map<String, Long> statistics() {
    return super.statistics();
  }
}
