package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.engine.CallbackExecutor;
import io.github.stoatferret.videorepo.engine.CloseDeadline;
import io.github.stoatferret.videorepo.engine.EngineHealth;
import io.github.stoatferret.videorepo.engine.EngineThreads;
import io.github.stoatferret.videorepo.engine.Gate;
import io.github.stoatferret.videorepo.postgres.SchemaMode;
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL engine behind {@code PostgresVideoRepository}: admission of calls, the worker
 * threads that run reads, the writer threads that commit writes in groups ({@code Writer}), the
 * callback threads, the change feed, and orderly close.
 */
public final class PostgresStore implements VideoRepository {

  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final System.Logger LOG = System.getLogger(PostgresStore.class.getName());

  /**
   * How long close waits for a writer lane or the feed thread to end: they end once their queue is
   * done, or within a poll interval, unless a JDBC call of theirs hangs; they are daemons, and
   * close must return.
   */
  private static final Duration THREAD_WAIT = Duration.ofSeconds(10);

  private final String catalogue;
  private final Transactions tx;
  private final EngineHealth health;
  private final boolean trigrams;
  private final Executor work;
  private final @Nullable ExecutorService ownWork;
  private final CallbackExecutor callbacks;
  private final Writer writer;
  private final List<Thread> writerThreads = new ArrayList<>();
  private final ChangeHub hub;
  private final ChangeFeed feed;
  private final Thread feedThread;
  private final Object feedLock = new Object();
  private boolean feedStarted; // guarded by feedLock
  private final Duration closeTimeout;
  private final CloseDeadline deadline;
  private final InFlight inFlight = new InFlight();

  // Every admitted call is in inFlight before close looks there (engine.Gate).
  private final Gate gate;
  private final Object closeLock = new Object();

  /**
   * The settings of a store.
   *
   * @param ds the user's data source
   * @param schema the catalogue's schema, unquoted
   * @param mode what to do with the schema at open
   * @param listener the change listener, or {@link VideoChangeListener#NONE}
   * @param executor where JDBC work runs, or {@code null} for a pool of the store's own
   * @param readers the size of that pool
   * @param writers the number of writer threads (lanes)
   * @param callbackExecutor where callbacks and events run, or {@code null} for the store's own
   * @param poll how often the change feed reads without a notification
   * @param retention how long the change log keeps a change
   * @param changeRetention how many of the latest changes the log keeps
   * @param changeBuffer how many undelivered changes a live feed subscriber may have
   * @param closeTimeout how long close waits for operations in flight
   * @param retryBudget how long an operation keeps trying through failures that may pass
   */
  public record Settings(
      DataSource ds,
      String schema,
      SchemaMode mode,
      VideoChangeListener listener,
      @Nullable Executor executor,
      int readers,
      int writers,
      @Nullable Executor callbackExecutor,
      Duration poll,
      Duration retention,
      long changeRetention,
      int changeBuffer,
      Duration closeTimeout,
      Duration retryBudget) {}

  /**
   * Opens the store: prepares or checks the schema, then starts the threads.
   *
   * @param settings the settings
   * @return the store
   * @throws StorageException naming the schema if it cannot be used
   */
  public static PostgresStore open(Settings settings) {
    return new PostgresStore(settings);
  }

  private PostgresStore(Settings s) {
    Sql sql = Sql.forSchema(s.schema());
    this.catalogue = "PostgreSQL catalogue " + sql.schema();
    this.trigrams = Schema.open(s.ds(), s.schema(), s.mode());
    this.tx =
        new Transactions(
            s.ds(),
            sql,
            catalogue,
            new ChangeLog.Retention(s.retention().toSeconds(), s.changeRetention()),
            s.retryBudget());
    this.closeTimeout = s.closeTimeout();
    this.deadline = new CloseDeadline(closeTimeout);
    String prefix = "videorepo-postgres-" + INSTANCES.incrementAndGet() + "-";
    Executor given = s.executor();
    this.ownWork =
        given == null
            ? EngineThreads.fixedPool(s.readers(), EngineThreads.daemons(prefix + "worker-"))
            : null;
    this.work = given != null ? given : Objects.requireNonNull(ownWork);
    this.callbacks = CallbackExecutor.of(s.callbackExecutor(), prefix + "callback-");
    this.gate = new Gate(catalogue, callbacks);
    this.health = gate.health();
    this.writer =
        new Writer(tx, catalogue, task -> inFlight.remove(task.result), s.writers(), health);
    for (int i = 0; i < s.writers(); i++) {
      writerThreads.add(EngineThreads.start(writer.lane(i), prefix + "writer-" + (i + 1)));
    }
    long from = tx.read("open", c -> ChangeLog.lastSeq(c, sql));
    this.hub =
        new ChangeHub(
            catalogue,
            (after, max) ->
                submit(
                    "changesAfter",
                    () ->
                        () ->
                            tx.read(
                                "changesAfter",
                                c ->
                                    ChangeLog.readAfter(
                                        c, tx.sql(), after.value(), max, catalogue))),
            ChangeHub.signallingExecutor(prefix + "feed-"),
            s.changeBuffer(),
            new ChangePosition(from));
    this.feed =
        new ChangeFeed(
            s.ds(),
            sql,
            new EventDispatcher(s.listener(), callbacks),
            hub,
            s.poll(),
            from,
            catalogue);
    this.feedThread = new Thread(feed, prefix + "changes");
    feedThread.setDaemon(true); // started by startFeed
    if (s.listener() != VideoChangeListener.NONE) {
      startFeed();
    }
  }

  /**
   * Starts the thread that reads the change log, once: at open for a listener, else when the change
   * feed gets its first subscriber, so that a repository nobody follows holds no connection for it.
   */
  private void startFeed() {
    synchronized (feedLock) {
      if (!feedStarted && !gate.isClosed()) {
        feedStarted = true;
        // Nobody followed the log since open: start after the latest change this process
        // committed, so that the first subscriber of changes() does not get (nor the thread read)
        // every change made since open. Changes of other processes after it are read as usual.
        long latest = tx.lastCommitted();
        feed.skipTo(latest);
        hub.skipTo(new ChangePosition(latest));
        hub.deliver();
        feedThread.start();
      }
    }
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    startFeed();
    // The thread learns of this process's commits a notification later: a write whose stage
    // completed may not be published yet. Starting after the latest this process committed keeps
    // it out (VR-17.2); the hub skips the repeats when the thread publishes them.
    long committed = tx.lastCommitted();
    return committed > hub.last().value() ? hub.after(new ChangePosition(committed)) : hub.live();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    startFeed();
    return hub.after(position);
  }

  /**
   * Whether searches may use trigram indexes (the pg_trgm extension was available).
   *
   * @return {@code true} if so
   */
  public boolean trigramIndexes() {
    return trigrams;
  }

  // ---- operations ----

  @Override
  public CompletionStage<Video> add(Video video) {
    return submitWrite(
        "add",
        () -> {
          Video v = Arguments.notNull(video, "video");
          return result -> WriteTask.add(v, result);
        });
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return submitWrite(
        "addAll",
        () -> {
          List<Video> batch = Arguments.noNulls(videos, "videos");
          return result ->
              WriteTask.addAll(batch, (c, e) -> Writes.addAll(c, tx.sql(), batch, e), result);
        });
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return submitWrite(
        "update",
        () -> {
          Video v = Arguments.notNull(video, "video");
          return result ->
              WriteTask.of("update", (c, e) -> Writes.update(c, tx.sql(), v, e), result);
        });
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return submitWrite(
        "delete",
        () -> {
          String key = Arguments.notNull(id, "id");
          return result ->
              WriteTask.of("delete", (c, e) -> Writes.delete(c, tx.sql(), key, e), result);
        });
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return submitWrite(
        "update",
        () -> {
          Video v = Arguments.notNull(video, "video");
          long expected = VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          return result ->
              WriteTask.of("update", (c, e) -> Writes.update(c, tx.sql(), v, expected, e), result);
        });
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return submitWrite(
        "delete",
        () -> {
          String key = Arguments.notNull(id, "id");
          long expected = VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          return result ->
              WriteTask.of(
                  "delete", (c, e) -> Writes.delete(c, tx.sql(), key, expected, e), result);
        });
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return submit(
        "getVersioned",
        () -> {
          String key = Arguments.notNull(id, "id");
          return () -> tx.read("getVersioned", c -> Reads.getVersioned(c, tx.sql(), key));
        });
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return submit(
        "get",
        () -> {
          String key = Arguments.notNull(id, "id");
          return () -> tx.read("get", c -> Reads.get(c, tx.sql(), key));
        });
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return submit(
        "getByPath",
        () -> {
          String key = Arguments.notNull(path, "path");
          return () -> tx.read("getByPath", c -> Reads.getByPath(c, tx.sql(), key));
        });
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return submit(
        "list",
        () -> {
          Arguments.limit(limit);
          Arguments.offset(offset);
          return () -> tx.read("list", c -> Reads.list(c, tx.sql(), limit, offset));
        });
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return submit(
        "page",
        () -> {
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          return () -> tx.read("page", c -> Reads.page(c, tx.sql(), from, limit));
        });
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return submit(
        "search",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          Arguments.limit(limit);
          return () -> tx.read("search", c -> Reads.search(c, tx.sql(), trigrams, q, limit));
        });
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return submit(
        "searchPage",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          return () ->
              tx.read("searchPage", c -> Reads.searchPage(c, tx.sql(), trigrams, q, from, limit));
        });
  }

  @Override
  public CompletionStage<Long> count() {
    return submit(
        "count", () -> () -> tx.read("count", (Connection c) -> Reads.count(c, tx.sql())));
  }

  /** Work to run on a worker thread, after the call's arguments were checked. */
  @FunctionalInterface
  private interface Job<T> {
    T run();
  }

  /** Admits a read, checks its arguments on the caller's thread, and hands it to a worker. */
  private <T> CompletionStage<T> submit(String operation, Supplier<Job<T>> call) {
    return admit(
        operation,
        () -> {
          Job<T> job = call.get();
          return result -> {
            try {
              work.execute(() -> run(operation, job, result));
            } catch (RejectedExecutionException e) {
              inFlight.remove(result);
              result.fail(
                  new StorageException(
                      operation
                          + " on "
                          + catalogue
                          + " refused: the"
                          + " executor did not accept the work ("
                          + e.getMessage()
                          + ")",
                      e,
                      true));
            }
          };
        });
  }

  /** Admits a write, checks its arguments on the caller's thread, and queues it for the writer. */
  private <T> CompletionStage<T> submitWrite(
      String operation, Supplier<Function<BackendFuture.Completer<T>, WriteTask<T>>> call) {
    return admit(
        operation,
        () -> {
          Function<BackendFuture.Completer<T>, WriteTask<T>> task = call.get();
          return result -> writer.submit(task.apply(result));
        });
  }

  /** Admits a call ({@link Gate}) and starts it with its stage registered as in flight. */
  private <T> CompletionStage<T> admit(
      String operation, Supplier<Consumer<BackendFuture.Completer<T>>> call) {
    return gate.admit(
        operation,
        () -> {
          Consumer<BackendFuture.Completer<T>> start = call.get();
          return result -> {
            inFlight.add(result, operation);
            start.accept(result);
          };
        });
  }

  private <T> void run(String operation, Job<T> job, BackendFuture.Completer<T> result) {
    try {
      if (health.failed()) { // an Error ended the engine's service while this waited
        result.fail(health.refusal(operation));
      } else {
        result.succeed(job.run());
      }
    } catch (Throwable e) { // a check's failure is the result; a fault fails this operation only
      result.fail(health.failure(e, operation + " on " + catalogue, SqlErrors::storage));
    } finally {
      inFlight.remove(result);
    }
  }

  /**
   * The engine's figures: operations under way, writes waiting for a lane, and the transactions the
   * lanes committed with the writes they held.
   *
   * @return the figures, by name
   */
  @Override
  public Map<String, Long> statistics() {
    return Map.of(
        "operations.inFlight",
        (long) inFlight.size(),
        "writes.queued",
        (long) writer.queued(),
        "commits",
        writer.commits(),
        "writes.committed",
        writer.committedWrites(),
        "commits.resolved",
        tx.resolvedCommits(),
        "feed.subscribers",
        (long) hub.subscribers());
  }

  // ---- close ----

  /**
   * Refuses new calls, waits (up to the close timeout) for the operations in flight, then stops the
   * change feed and the threads the store started. The user's data source stays open.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (!gate.close()) { // waits for the calls being admitted to register
        return;
      }
      deadline.start();
      // VR-12.2: none is left pending. What still runs after the timeout is failed here; its
      // thread's own completion, later, changes nothing.
      inFlight.awaitEmpty(deadline);
      inFlight.failAll(
          operation ->
              new RepositoryClosedException(
                  operation
                      + " on "
                      + catalogue
                      + " failed: the repository was closed while it was still running after the"
                      + " close timeout of "
                      + closeTimeout));
      writer.stop(); // after every write it holds; none can be queued after this
      writerThreads.forEach(t -> EngineThreads.join(t, THREAD_WAIT));
      boolean following;
      synchronized (feedLock) {
        following = feedStarted;
        feedStarted = true; // never starts after this
      }
      if (following) {
        feed.stop();
        feedThread.interrupt();
        EngineThreads.join(feedThread, THREAD_WAIT);
        try {
          feed.catchUp(); // the changes of the writes close waited for (VR-17.5)
        } catch (SQLException | RuntimeException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "videorepo: the change feed of "
                  + catalogue
                  + " could not read the last changes at close ("
                  + e.getMessage()
                  + "); a"
                  + " subscriber resumes from its last position when a repository is open again",
              e);
        }
      }
      hub.close();
      if (ownWork != null) {
        ownWork.shutdown();
      }
      callbacks.shutdown();
    }
  }
}
