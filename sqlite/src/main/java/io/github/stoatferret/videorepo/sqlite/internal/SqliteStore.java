package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
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
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The SQLite engine behind {@code SqliteVideoRepository}: admission of calls, the writer and reader
 * threads, the callback executor, and orderly close.
 */
public final class SqliteStore implements VideoRepository {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Database database;
  private final EngineHealth health;
  private final Writer writer;
  private final Thread writerThread;
  private final ChangeHub feed;
  private final @Nullable Checkpointer checkpointer;
  private final @Nullable Readers readers;
  private final @Nullable PointReads pointReads;
  private final CallbackExecutor callbacks;

  // Every call either is refused or is queued before the writer's stop mark (engine.Gate).
  private final Gate gate;
  private final CloseDeadline deadline;
  private final Object closeLock = new Object();

  /**
   * Opens the engine.
   *
   * @param database the database
   * @param readerCount reader threads for a file database (an in-memory one has none)
   * @param callerThreadReads whether point reads run on the caller's thread ({@link PointReads})
   * @param listener the change listener
   * @param callbackExecutor where callbacks on returned stages run, and events are delivered, or
   *     {@code null} for a pool of the engine's own
   * @param closeTimeout how long close lets queued operations run ({@link CloseDeadline})
   * @param retention what the change log keeps and the feed buffers
   * @return the engine
   * @throws StorageException if the database cannot be opened
   */
  public static SqliteStore open(
      Database database,
      int readerCount,
      boolean callerThreadReads,
      VideoChangeListener listener,
      @Nullable Executor callbackExecutor,
      Duration closeTimeout,
      ChangeRetention retention) {
    return new SqliteStore(
        database,
        readerCount,
        callerThreadReads,
        listener,
        callbackExecutor,
        closeTimeout,
        retention);
  }

  private SqliteStore(
      Database database,
      int readerCount,
      boolean callerThreadReads,
      VideoChangeListener listener,
      @Nullable Executor callbackExecutor,
      Duration closeTimeout,
      ChangeRetention retention) {
    this.database = database;
    this.deadline = new CloseDeadline(closeTimeout);
    String prefix = "videorepo-sqlite-" + INSTANCES.incrementAndGet() + "-";
    this.callbacks = CallbackExecutor.of(callbackExecutor, prefix + "callback-");
    this.gate = new Gate("SQLite repository " + database.name(), callbacks);
    this.health = gate.health();
    Statements writerStatements = null;
    Readers started = null;
    Checkpointer background = null;
    try {
      writerStatements = statements(database.openWriter());
      if (!database.inMemory()) {
        background =
            Checkpointer.start(
                database.openCheckpointer(), database.name(), prefix + "checkpointer");
      }
      if (!database.inMemory() && readerCount > 0) {
        started =
            new Readers(
                readerCount,
                () -> statements(database.openReader()),
                database.name(),
                prefix,
                health,
                deadline);
      }
    } catch (RuntimeException e) {
      if (background != null) {
        background.close();
      }
      if (writerStatements != null) {
        writerStatements.close();
      }
      callbacks.shutdown();
      throw e;
    }
    this.readers = started;
    this.pointReads =
        started != null && callerThreadReads
            ? new PointReads(
                readerCount, () -> statements(database.openReader()), database.name(), health)
            : null;
    this.checkpointer = background;
    long lastPosition;
    try {
      lastPosition = ChangeLog.last(writerStatements);
    } catch (SQLException e) {
      writerStatements.close();
      throw SqlErrors.storage("reading the change log of " + database.name(), e);
    }
    this.feed =
        new ChangeHub(
            "SQLite repository " + database.name(),
            (after, max) ->
                read(
                    "changesAfter",
                    () -> (s, events) -> ChangeLog.read(s, after.value(), max, database.name())),
            ChangeHub.signallingExecutor(prefix + "feed-"),
            retention.buffer(),
            new ChangePosition(lastPosition));
    this.writer =
        new Writer(
            writerStatements,
            database.name(),
            new EventDispatcher(listener, callbacks),
            feed,
            retention,
            lastPosition,
            health,
            background == null ? () -> {} : background::committed,
            deadline);
    this.writerThread = EngineThreads.start(writer, prefix + "writer");
  }

  private Statements statements(java.sql.Connection c) {
    try {
      return new Statements(c);
    } catch (SQLException e) {
      Database.closeQuietly(c);
      throw SqlErrors.storage("opening " + database.name(), e);
    }
  }

  // ---- operations ----

  @Override
  public CompletionStage<Video> add(Video video) {
    return write(
        "add",
        () -> {
          Video v = Arguments.notNull(video, "video");
          return (s, events) -> Writes.add(s, v, events);
        });
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return write(
        "addAll",
        () -> {
          List<Video> batch = Arguments.noNulls(videos, "videos");
          return (s, events) -> Writes.addAll(s, batch, events);
        });
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return write(
        "update",
        () -> {
          Video v = Arguments.notNull(video, "video");
          return (s, events) -> Writes.update(s, v, events);
        });
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return write(
        "delete",
        () -> {
          String key = Arguments.notNull(id, "id");
          return (s, events) -> Writes.delete(s, key, events);
        });
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return write(
        "update",
        () -> {
          Video v = Arguments.notNull(video, "video");
          long expected = VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          return (s, events) -> Writes.update(s, v, expected, events);
        });
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return write(
        "delete",
        () -> {
          String key = Arguments.notNull(id, "id");
          long expected = VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          return (s, events) -> Writes.delete(s, key, expected, events);
        });
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return pointRead(
        "getVersioned",
        () -> {
          String key = Arguments.notNull(id, "id");
          return (s, events) -> Reads.getVersioned(s, key);
        });
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return pointRead(
        "get",
        () -> {
          String key = Arguments.notNull(id, "id");
          return (s, events) -> Reads.get(s, key);
        });
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return pointRead(
        "getByPath",
        () -> {
          String key = Arguments.notNull(path, "path");
          return (s, events) -> Reads.getByPath(s, key);
        });
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return read(
        "list",
        () -> {
          Arguments.limit(limit);
          Arguments.offset(offset);
          return (s, events) -> Reads.list(s, limit, offset);
        });
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return read(
        "page",
        () -> {
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          return (s, events) -> Reads.page(s, from, limit);
        });
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return read(
        "search",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          Arguments.limit(limit);
          return (s, events) -> Reads.search(s, q, limit);
        });
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return read(
        "searchPage",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          return (s, events) -> Reads.searchPage(s, q, from, limit);
        });
  }

  @Override
  public CompletionStage<Long> count() {
    return pointRead("count", () -> (s, events) -> Reads.count(s));
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    return feed.live();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return feed.after(position);
  }

  /**
   * Merges the search index now, between the writes queued meanwhile ({@link SearchIndexMerger}).
   *
   * @return completes with {@code null} once the merge is done
   */
  @SuppressWarnings("NullAway") // a Void stage completes with null, the only Void there is
  public CompletionStage<Void> optimize() {
    return admit("optimize", Task.Kind.MERGE, () -> (s, events) -> null, writer::submit);
  }

  private <T> CompletionStage<T> write(String operation, Supplier<Task.Work<T>> work) {
    return submit(operation, true, work);
  }

  private <T> CompletionStage<T> read(String operation, Supplier<Task.Work<T>> work) {
    return submit(operation, false, work);
  }

  /** A read of one row: on the caller's thread if a pooled connection is free (PointReads). */
  private <T> CompletionStage<T> pointRead(String operation, Supplier<Task.Work<T>> work) {
    PointReads pool = pointReads;
    if (pool == null) {
      return read(operation, work);
    }
    return admit(
        operation,
        Task.Kind.READ,
        work,
        task -> {
          if (!pool.tryRun(task)) {
            Objects.requireNonNull(readers).submit(task);
          }
        });
  }

  /**
   * Admits a call, validates its arguments on the caller's thread, and queues it. Package-private
   * so that fault tests can run work of their own on the engine threads.
   */
  <T> CompletionStage<T> submit(String operation, boolean isWrite, Supplier<Task.Work<T>> work) {
    Readers queue = readers;
    return admit(
        operation,
        isWrite ? Task.Kind.WRITE : Task.Kind.READ,
        work,
        isWrite || queue == null ? writer::submit : queue::submit);
  }

  /**
   * Admits a call ({@link Gate}): a point read runs inside the admission window, so close waits for
   * it before closing its connection.
   */
  private <T> CompletionStage<T> admit(
      String operation, Task.Kind kind, Supplier<Task.Work<T>> work, Consumer<Task<?>> start) {
    return gate.admit(
        operation,
        () -> {
          Task.Work<T> checked = work.get();
          return result -> start.accept(new Task<>(operation, kind, checked, result));
        });
  }

  /**
   * The engine's figures: what waits for the writer and the readers, the commits made and the
   * writes they held, and the sizes of the database file and its WAL.
   *
   * @return the figures, by name
   */
  @Override
  public Map<String, Long> statistics() {
    Readers queue = readers;
    long[] sizes = database.fileSizes();
    return Map.of(
        "writes.queued",
        (long) writer.queued(),
        "reads.queued",
        queue == null ? 0L : queue.queued(),
        "commits",
        writer.commits(),
        "writes.committed",
        writer.groupedWrites(),
        "database.bytes",
        sizes[0],
        "wal.bytes",
        sizes[1],
        "feed.subscribers",
        (long) feed.subscribers());
  }

  // ---- close ----

  /**
   * Refuses new calls, lets every queued operation finish, closes every connection and stops every
   * thread the repository started.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (!gate.close()) { // waits for the calls being admitted to queue their work
        return;
      }
      deadline.start();
      // Readers and the checkpointer first: the last connection to close checkpoints the WAL
      // into the database file and removes it, and the writer's is the one meant to.
      if (pointReads != null) {
        pointReads.close();
      }
      if (readers != null) {
        readers.stop();
      }
      if (checkpointer != null) {
        checkpointer.close();
      }
      writer.stop();
      EngineThreads.joinUninterruptibly(writerThread);
      feed.close(); // after the writer's last commit: subscribers get the drain's changes

      callbacks.shutdown();
    }
  }
}
