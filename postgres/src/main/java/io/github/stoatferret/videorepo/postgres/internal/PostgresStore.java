package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.postgres.SchemaMode;
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Stages;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL engine behind {@code PostgresVideoRepository}: admission of calls, the worker
 * threads that run blocking JDBC, the callback threads, the change feed, and orderly close.
 */
public final class PostgresStore implements VideoRepository {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String catalogue;
  private final Transactions tx;
  private final boolean trigrams;
  private final Executor work;
  private final @Nullable ExecutorService ownWork;
  private final @Nullable ExecutorService ownCallbacks;
  private final Executor callbacks;
  private final @Nullable ChangeFeed feed;
  private final @Nullable Thread feedThread;
  private final Duration closeTimeout;
  private final String threadPrefix;
  private final Set<BackendFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  // Admission, as in the SQLite engine: a call counts itself in, then checks closed; close sets
  // closed, then waits for the count to drain, so every admitted call is in inFlight by then.
  private final AtomicInteger admitting = new AtomicInteger();
  private volatile boolean closed;
  private final Object closeLock = new Object();

  /**
   * The settings of a store.
   *
   * @param ds the user's data source
   * @param schema the catalogue's schema, unquoted
   * @param mode what to do with the schema at open
   * @param listener the change listener, or {@link VideoChangeListener#NONE}
   * @param executor where JDBC work runs, or {@code null} for a pool of the store's own
   * @param threads the size of that pool
   * @param callbackExecutor where callbacks and events run, or {@code null} for the store's own
   * @param poll how often the change feed reads without a notification
   * @param retention how long the change log keeps a change
   * @param closeTimeout how long close waits for operations in flight
   */
  public record Settings(DataSource ds, String schema, SchemaMode mode,
      VideoChangeListener listener, @Nullable Executor executor, int threads,
      @Nullable Executor callbackExecutor, Duration poll, Duration retention,
      Duration closeTimeout) {}

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
    this.tx = new Transactions(s.ds(), sql, catalogue, s.retention().toSeconds());
    this.closeTimeout = s.closeTimeout();
    String prefix = "videorepo-postgres-" + INSTANCES.incrementAndGet() + "-";
    this.threadPrefix = prefix;
    Executor given = s.executor();
    this.ownWork = given == null
        ? Executors.newFixedThreadPool(s.threads(), daemons(prefix + "worker-")) : null;
    this.work = given != null ? given : Objects.requireNonNull(ownWork);
    Executor givenCallbacks = s.callbackExecutor();
    this.ownCallbacks = givenCallbacks == null ? Executors.newFixedThreadPool(
        Math.max(4, Runtime.getRuntime().availableProcessors()), daemons(prefix + "callback-"))
        : null;
    Executor pool = givenCallbacks != null ? givenCallbacks : Objects.requireNonNull(ownCallbacks);
    // After close, or with a user executor that refuses work, a callback runs on the thread
    // that attaches or triggers it rather than never.
    this.callbacks = task -> {
      try {
        pool.execute(task);
      } catch (RejectedExecutionException e) {
        task.run();
      }
    };
    if (s.listener() == VideoChangeListener.NONE) {
      this.feed = null;
      this.feedThread = null;
    } else {
      long from = tx.read("open", c -> ChangeLog.lastSeq(c, sql));
      this.feed = new ChangeFeed(s.ds(), sql, new EventDispatcher(s.listener(), callbacks),
          s.poll(), from, catalogue);
      this.feedThread = new Thread(feed, prefix + "changes");
      feedThread.setDaemon(true);
      feedThread.start();
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
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
    return submit("add", () -> {
      Video v = Arguments.notNull(video, "video");
      return () -> tx.write("add", (c, e) -> Writes.add(c, tx.sql(), v, e));
    });
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return submit("addAll", () -> {
      List<Video> batch = Arguments.noNulls(videos, "videos");
      return () -> tx.write("addAll", (c, e) -> Writes.addAll(c, tx.sql(), batch, e));
    });
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return submit("update", () -> {
      Video v = Arguments.notNull(video, "video");
      return () -> tx.write("update", (c, e) -> Writes.update(c, tx.sql(), v, e));
    });
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return submit("delete", () -> {
      String key = Arguments.notNull(id, "id");
      return () -> tx.write("delete", (c, e) -> Writes.delete(c, tx.sql(), key, e));
    });
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return submit("get", () -> {
      String key = Arguments.notNull(id, "id");
      return () -> tx.read("get", c -> Reads.get(c, tx.sql(), key));
    });
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return submit("getByPath", () -> {
      String key = Arguments.notNull(path, "path");
      return () -> tx.read("getByPath", c -> Reads.getByPath(c, tx.sql(), key));
    });
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return submit("list", () -> {
      Arguments.limit(limit);
      Arguments.offset(offset);
      return () -> tx.read("list", c -> Reads.list(c, tx.sql(), limit, offset));
    });
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return submit("page", () -> {
      PageCursor from = PageCursor.decode(cursor);
      Arguments.limit(limit);
      return () -> tx.read("page", c -> Reads.page(c, tx.sql(), from, limit));
    });
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return submit("search", () -> {
      String q = Arguments.notNull(query, "query");
      Arguments.limit(limit);
      return () -> tx.read("search", c -> Reads.search(c, tx.sql(), trigrams, q, limit));
    });
  }

  @Override
  public CompletionStage<Long> count() {
    return submit("count", () -> () -> tx.read("count", (Connection c) -> Reads.count(c,
        tx.sql())));
  }

  /** Work to run on a worker thread, after the call's arguments were checked. */
  @FunctionalInterface
  private interface Job<T> {
    T run();
  }

  /** Admits a call, checks its arguments on the caller's thread, and hands it to a worker. */
  private <T> CompletionStage<T> submit(String operation, Supplier<Job<T>> call) {
    admitting.incrementAndGet();
    try {
      if (closed) {
        return Stages.failed(new RepositoryClosedException(
            catalogue + " is closed; " + operation + " refused"));
      }
      Job<T> job;
      try {
        job = call.get();
      } catch (RuntimeException e) {
        return Stages.failed(e);
      }
      BackendFuture<T> result = BackendFuture.engineOwned(callbacks);
      inFlight.add(result);
      try {
        work.execute(() -> run(operation, job, result));
      } catch (RejectedExecutionException e) {
        inFlight.remove(result);
        result.fail(new StorageException(operation + " on " + catalogue + " refused: the"
            + " executor did not accept the work (" + e.getMessage() + ")", e, true));
      }
      return result;
    } finally {
      admitting.decrementAndGet();
    }
  }

  private <T> void run(String operation, Job<T> job, BackendFuture<T> result) {
    try {
      result.succeed(job.run());
    } catch (VideoRepositoryException | IllegalArgumentException | NullPointerException e) {
      result.fail(e);
    } catch (Throwable e) { // a driver or pool fault: it fails this operation, never a thread
      result.fail(new StorageException(operation + " on " + catalogue + " failed unexpectedly: "
          + e, e, false));
    } finally {
      inFlight.remove(result);
    }
  }

  // ---- close ----

  /**
   * Refuses new calls, waits (up to the close timeout) for the operations in flight, then stops
   * the change feed and the threads the store started. The user's data source stays open.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
      while (admitting.get() != 0) {
        Thread.onSpinWait();
      }
      long deadline = System.nanoTime() + closeTimeout.toNanos();
      while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
        sleepQuietly(1);
      }
      for (BackendFuture<?> late : inFlight) { // VR-12.2: none is left pending
        late.fail(new RepositoryClosedException(catalogue + " closed while the operation was"
            + " still running after the close timeout of " + closeTimeout));
      }
      if (feed != null && feedThread != null) {
        feed.stop();
        feedThread.interrupt();
        // Bounded: the feed ends within a poll interval, unless a JDBC call of its own hangs;
        // it is a daemon, and close must return.
        try {
          feedThread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (ownWork != null) {
        ownWork.shutdown();
      }
      if (ownCallbacks != null) {
        ownCallbacks.shutdown();
        if (Thread.currentThread().getName().startsWith(threadPrefix)) {
          return; // closed from a callback: the pool ends once that callback returns
        }
        try {
          ownCallbacks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
