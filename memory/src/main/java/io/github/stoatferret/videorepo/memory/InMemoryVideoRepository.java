package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.ChangeWindow;
import io.github.stoatferret.videorepo.spi.Clashes;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Pages;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import io.github.stoatferret.videorepo.spi.Stages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VideoRepository} held in memory: thread-safe, with exactly the behaviour the {@code
 * VideoRepository} Javadoc specifies, and cheap enough to be the default in unit tests.
 *
 * <p>Every operation runs on the caller's thread under one read-write lock, so each is atomic and
 * linearizable, and the returned stage is already complete. There are no threads to shut down;
 * {@link #close()} only refuses later calls and ends the change feed. The listener's events are
 * delivered after the lock is released, on the caller's thread, one at a time and in commit order.
 * The change feed ({@link #changesAfter}) keeps the latest {@linkplain Builder#changeRetention
 * changes} in memory and signals its subscribers on threads of its own, which end when idle.
 */
public final class InMemoryVideoRepository implements VideoRepository {

  /** The default of {@link Builder#changeRetention}. */
  public static final int DEFAULT_RETENTION = 10_000;

  /** The default of {@link Builder#changeBuffer}. */
  public static final int DEFAULT_BUFFER = 1_024;

  private static final String NAME = "in-memory repository";

  /** A stored video with its version and its folded search text, computed once when written. */
  private record Entry(Video video, long version, String foldedFilename, String foldedPath) {
    static Entry of(Video video, long version) {
      return new Entry(
          video, version, SearchText.fold(video.filename()), SearchText.fold(video.path()));
    }

    boolean matches(SearchQuery query) {
      return query.matchesEverything()
          || foldedFilename.contains(query.folded())
          || foldedPath.contains(query.folded());
    }
  }

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // All guarded by lock.
  private final Map<String, Entry> byId = new HashMap<>();
  private final Map<String, Entry> byPath = new HashMap<>();
  private final NavigableMap<PageCursor, Entry> ordered = new TreeMap<>(PageCursor.ORDER);
  private boolean closed;

  private final EventDispatcher events;
  private final ChangeWindow kept;
  private final ChangeHub feed;
  private final Clock clock;

  private InMemoryVideoRepository(
      VideoChangeListener listener, Clock clock, int retention, int buffer) {
    this.events = EventDispatcher.callerRuns(listener);
    this.kept = new ChangeWindow(retention, NAME);
    this.feed =
        new ChangeHub(
            NAME,
            kept,
            ChangeHub.signallingExecutor("videorepo-memory-feed-"),
            buffer,
            ChangePosition.START);
    this.clock = clock;
  }

  /**
   * Starts a repository with settings beyond the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of an in-memory repository; each has a default. */
  public static final class Builder {
    private VideoChangeListener listener = VideoChangeListener.NONE;
    private Clock clock = Clock.systemUTC();
    private int retention = DEFAULT_RETENTION;
    private int buffer = DEFAULT_BUFFER;

    private Builder() {}

    /**
     * The listener told of every committed change; none by default.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(VideoChangeListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * The clock that stamps the videos {@code create} and {@code update(id, fields)} make; the
     * system's UTC clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How many of the latest changes the change feed keeps for subscribers that resume or fall
     * behind (VR-17.4); {@value #DEFAULT_RETENTION} by default.
     *
     * @param changes at least 1
     * @return this builder
     */
    public Builder changeRetention(int changes) {
      retention = atLeastOne(changes, "changeRetention");
      return this;
    }

    /**
     * How many undelivered changes the feed buffers for each subscriber before it reads the kept
     * changes instead (VR-17.3); {@value #DEFAULT_BUFFER} by default.
     *
     * @param changes at least 1
     * @return this builder
     */
    public Builder changeBuffer(int changes) {
      buffer = atLeastOne(changes, "changeBuffer");
      return this;
    }

    /**
     * Makes the repository.
     *
     * @return an empty repository
     */
    public InMemoryVideoRepository build() {
      return new InMemoryVideoRepository(listener, clock, retention, buffer);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }
  }

  /**
   * Makes an empty repository.
   *
   * @return the repository
   */
  public static InMemoryVideoRepository create() {
    return builder().build();
  }

  /**
   * Makes an empty repository that reports every committed change to a listener.
   *
   * @param listener the listener
   * @return the repository
   */
  public static InMemoryVideoRepository create(VideoChangeListener listener) {
    return create(listener, Clock.systemUTC());
  }

  /**
   * Makes an empty repository that reports every committed change to a listener and stamps the
   * videos {@code create} and {@code update(id, fields)} make with a clock of the caller's (a fixed
   * one makes a test's timestamps predictable).
   *
   * @param listener the listener, or {@link VideoChangeListener#NONE}
   * @param clock the clock
   * @return the repository
   */
  public static InMemoryVideoRepository create(VideoChangeListener listener, Clock clock) {
    return builder()
        .listener(Arguments.notNull(listener, "listener"))
        .clock(Arguments.notNull(clock, "clock"))
        .build();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * The figures of a map in memory (VR-15.2): {@code videos}, how many are stored.
   *
   * @return the figures, by name
   */
  @Override
  public Map<String, Long> statistics() {
    lock.readLock().lock();
    try {
      return Map.of("videos", (long) byId.size(), "feed.subscribers", (long) feed.subscribers());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return write(
        "add",
        () -> {
          checkNew(List.of(Arguments.notNull(video, "video")));
          insert(video, VersionedVideo.FIRST);
          committed(new VideoChangeEvent.Added(video));
          return video;
        });
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return write(
        "addAll",
        () -> {
          List<Video> batch = Arguments.noNulls(videos, "videos");
          checkNew(batch);
          for (Video v : batch) {
            insert(v, VersionedVideo.FIRST);
            committed(new VideoChangeEvent.Added(v));
          }
          return batch;
        });
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return read(
        "get",
        () -> {
          Arguments.notNull(id, "id");
          return Optional.ofNullable(byId.get(id)).map(Entry::video);
        });
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return read(
        "getByPath",
        () -> {
          Arguments.notNull(path, "path");
          return Optional.ofNullable(byPath.get(path)).map(Entry::video);
        });
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return read(
        "list",
        () -> {
          Arguments.limit(limit);
          Arguments.offset(offset);
          List<Video> out = new ArrayList<>(Math.min(limit, 1024));
          if (limit == 0) {
            return out;
          }
          int skipped = 0;
          for (Entry e : ordered.values()) {
            if (skipped < offset) {
              skipped++;
            } else {
              out.add(e.video());
              if (out.size() == limit) {
                break;
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  @SuppressWarnings("StreamToIterable") // Pages.after iterates once, under the read lock
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return read(
        "page",
        () -> {
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          return Pages.after(from, after(from).map(Entry::video)::iterator, limit, v -> true);
        });
  }

  @Override
  @SuppressWarnings("StreamToIterable") // Pages.after iterates once, under the read lock
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return read(
        "searchPage",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          PageCursor from = PageCursor.decode(cursor);
          Arguments.limit(limit);
          if (q.matchesNothing()) {
            return new VideoPage(List.of(), null);
          }
          return Pages.after(
              from,
              after(from).filter(e -> e.matches(q)).map(Entry::video)::iterator,
              limit,
              v -> true);
        });
  }

  /** The entries after a position, in list order, read lazily. */
  private Stream<Entry> after(PageCursor from) {
    return ordered.tailMap(from, false).values().stream();
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return read(
        "search",
        () -> {
          SearchQuery q = SearchQuery.of(Arguments.notNull(query, "query"));
          Arguments.limit(limit);
          List<Video> out = new ArrayList<>();
          if (limit == 0 || q.matchesNothing()) {
            return out;
          }
          for (Entry e : ordered.values()) {
            if (e.matches(q)) {
              out.add(e.video());
              if (out.size() == limit) {
                break;
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return write(
        "update",
        () -> {
          Arguments.notNull(video, "video");
          return replace(video, found(video.id())).video();
        });
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return write(
        "update",
        () -> {
          Arguments.notNull(video, "video");
          VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          Entry stored = replace(video, atVersion(video.id(), expectedVersion));
          return new VersionedVideo(stored.video(), stored.version());
        });
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return read(
        "getVersioned",
        () -> {
          Arguments.notNull(id, "id");
          return Optional.ofNullable(byId.get(id))
              .map(e -> new VersionedVideo(e.video(), e.version()));
        });
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return write(
        "delete",
        () -> {
          Arguments.notNull(id, "id");
          VersionedVideo.checkVersion("expectedVersion", expectedVersion);
          Entry old = atVersion(id, expectedVersion);
          remove(old);
          committed(new VideoChangeEvent.Deleted(old.video()));
          return old.video();
        });
  }

  /** The entry of an id that must be stored (VR-8.2). */
  private Entry found(String id) {
    Entry old = byId.get(id);
    if (old == null) {
      throw new VideoNotFoundException(id);
    }
    return old;
  }

  /** The entry of an id that must be stored at the expected version (VR-16.2, VR-16.3). */
  private Entry atVersion(String id, long expectedVersion) {
    Entry old = found(id);
    if (old.version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, old.version());
    }
    return old;
  }

  /** Replaces a stored entry by a video, keeping its createdAt and advancing its version. */
  private Entry replace(Video video, Entry old) {
    Entry holder = byPath.get(video.path());
    // Held by another video? Entries are records: an equal one is this video's own.
    if (holder != null && !holder.equals(old)) {
      throw new DuplicateVideoException(DuplicateVideoException.Key.PATH, video.path());
    }
    Video stored = video.toBuilder().createdAt(old.video().createdAt()).build();
    remove(old);
    Entry next = insert(stored, old.version() + 1);
    committed(VideoChangeEvent.Updated.of(old.video(), stored));
    return next;
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return write(
        "delete",
        () -> {
          Arguments.notNull(id, "id");
          Entry old = byId.get(id);
          if (old == null) {
            return false;
          }
          remove(old);
          committed(new VideoChangeEvent.Deleted(old.video()));
          return true;
        });
  }

  @Override
  public CompletionStage<Long> count() {
    return read("count", () -> (long) byId.size());
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
   * Refuses later calls, then ends the change feed. Operations in flight hold the lock, so this
   * waits for them.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
    feed.close();
  }

  /** Numbers a change, keeps it, and hands it to the listener and the feed. Under the lock. */
  private void committed(VideoChangeEvent change) {
    events.publish(change);
    ChangeFeedEvent positioned = new ChangeFeedEvent(kept.next(), change);
    kept.append(positioned);
    feed.publish(positioned);
  }

  /** Fails with the batch's first clash (spi.Clashes); changes nothing. Under the lock. */
  private void checkNew(List<Video> batch) {
    DuplicateVideoException clash = Clashes.first(batch, byId::containsKey, byPath::containsKey);
    if (clash != null) {
      throw clash;
    }
  }

  private Entry insert(Video v, long version) {
    Entry e = Entry.of(v, version);
    byId.put(v.id(), e);
    byPath.put(v.path(), e);
    ordered.put(PageCursor.at(v), e);
    return e;
  }

  private void remove(Entry e) {
    Video v = e.video();
    byId.remove(v.id());
    byPath.remove(v.path());
    ordered.remove(PageCursor.at(v));
  }

  private <T> CompletionStage<T> read(String operation, Supplier<T> work) {
    return locked(lock.readLock(), operation, work);
  }

  private <T> CompletionStage<T> write(String operation, Supplier<T> work) {
    CompletionStage<T> result = locked(lock.writeLock(), operation, work);
    events.deliver();
    feed.deliver();
    return result;
  }

  private <T> CompletionStage<T> locked(Lock held, String operation, Supplier<T> work) {
    held.lock();
    try {
      if (closed) {
        return Stages.failed(
            new RepositoryClosedException(
                "in-memory repository is closed; " + operation + " refused"));
      }
      return Stages.run(work);
    } finally {
      held.unlock();
    }
  }
}
