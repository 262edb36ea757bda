package io.github.stoatferret.videorepo;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A blocking view of any {@link VideoRepository}, for scripts and batch tools: the same operations,
 * each waiting for its stage and returning the value, or throwing the specification's exception
 * itself ({@link DuplicateVideoException}, not a {@code CompletionException} around it). Every rule
 * of the repository under it holds unchanged; the view adds only the waiting.
 *
 * <pre>{@code
 * try (BlockingVideoRepository repo = SqliteVideoRepository.open(file).blocking()) {
 *   repo.add(video);
 *   try (Stream<Video> all = repo.stream()) {
 *     all.forEach(out::println);
 *   }
 * }
 * }</pre>
 *
 * <p>Waiting is interruptible: an interrupted caller gets a {@link WaitInterruptedException} and
 * keeps its interrupt flag. A view made with a timeout throws {@link WaitTimeoutException} when an
 * operation takes longer. In both cases the operation itself is not cancelled and may still take
 * effect. A view is immutable and as thread-safe as the repository under it.
 */
public final class BlockingVideoRepository implements AutoCloseable {

  /** The page size of {@link #stream()}. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  private final VideoRepository repository;
  private final @Nullable Duration timeout;

  private BlockingVideoRepository(VideoRepository repository, @Nullable Duration timeout) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.timeout = timeout;
  }

  /**
   * A view that waits as long as each operation takes.
   *
   * @param repository the repository to wait on
   * @return the view
   */
  public static BlockingVideoRepository of(VideoRepository repository) {
    return new BlockingVideoRepository(repository, null);
  }

  /**
   * A view that waits at most {@code timeout} for each operation.
   *
   * @param repository the repository to wait on
   * @param timeout the longest wait for one operation, positive
   * @return the view
   * @throws InvalidArgumentException if the timeout is zero or negative
   */
  public static BlockingVideoRepository of(VideoRepository repository, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidArgumentException(
          "timeout", timeout.toString(), "timeout must be positive, was " + timeout);
    }
    return new BlockingVideoRepository(repository, timeout);
  }

  /**
   * The repository under this view, for the asynchronous calls.
   *
   * @return the repository
   */
  public VideoRepository async() {
    return repository;
  }

  /**
   * Stores a new video ({@link VideoRepository#add}).
   *
   * @param video the video
   * @return the stored video
   * @throws DuplicateVideoException if its id or path is taken
   */
  public Video add(Video video) {
    return await("add", repository.add(video));
  }

  /**
   * Stores a batch atomically ({@link VideoRepository#addAll}).
   *
   * @param videos the videos
   * @return the stored videos, in input order
   * @throws DuplicateVideoException for the first clash in batch order; nothing is stored
   */
  public List<Video> addAll(List<Video> videos) {
    return await("addAll", repository.addAll(videos));
  }

  /**
   * Reads a video by id ({@link VideoRepository#get}).
   *
   * @param id the id
   * @return the video, if stored
   */
  public Optional<Video> get(String id) {
    return await("get", repository.get(id));
  }

  /**
   * Reads a video by path ({@link VideoRepository#getByPath}).
   *
   * @param path the path
   * @return the video, if stored
   */
  public Optional<Video> getByPath(String path) {
    return await("getByPath", repository.getByPath(path));
  }

  /**
   * Reads videos in list order ({@link VideoRepository#list(int, int)}).
   *
   * @param limit the most videos to return
   * @param offset how many to skip
   * @return the videos
   */
  public List<Video> list(int limit, int offset) {
    return await("list", repository.list(limit, offset));
  }

  /**
   * Reads one page by keyset ({@link VideoRepository#page}).
   *
   * @param cursor where to start, or {@code null} for the first page
   * @param limit the most videos on the page
   * @return the page
   */
  public VideoPage page(@Nullable String cursor, int limit) {
    return await("page", repository.page(cursor, limit));
  }

  /**
   * Finds videos by file name or path ({@link VideoRepository#search(String, int)}).
   *
   * @param query the text to look for
   * @param limit the most videos to return
   * @return the matches, in list order
   */
  public List<Video> search(String query, int limit) {
    return await("search", repository.search(query, limit));
  }

  /**
   * Finds one page of videos whose file name or path contains the query ({@link
   * VideoRepository#searchPage}).
   *
   * @param query the text to look for
   * @param cursor where to start, or {@code null} for the first page
   * @param limit the most videos on the page
   * @return the page of matches
   */
  public VideoPage searchPage(String query, @Nullable String cursor, int limit) {
    return await("searchPage", repository.searchPage(query, cursor, limit));
  }

  /**
   * Replaces a stored video ({@link VideoRepository#update(Video)}).
   *
   * @param video the new content, found by its id
   * @return the video as stored
   * @throws VideoNotFoundException if no video has the id
   * @throws DuplicateVideoException if another video holds the new path
   */
  public Video update(Video video) {
    return await("update", repository.update(video));
  }

  /**
   * Stores a new video made from a client's fields, with an id and timestamps of the repository's
   * ({@link VideoRepository#create}).
   *
   * @param video the fields
   * @return the stored video
   * @throws DuplicateVideoException if its path is taken
   */
  public Video create(VideoDraft video) {
    return await("create", repository.create(video));
  }

  /**
   * Replaces the fields of a stored video, stamping it with the repository's clock ({@link
   * VideoRepository#update(String, VideoDraft)}).
   *
   * @param id the id of the video to change
   * @param video the new fields
   * @return the video as stored
   * @throws VideoNotFoundException if no video has the id
   * @throws DuplicateVideoException if another video holds the new path
   */
  public Video update(String id, VideoDraft video) {
    return await("update", repository.update(id, video));
  }

  /**
   * Reads a video with its version ({@link VideoRepository#getVersioned}).
   *
   * @param id the id
   * @return the video and its version, if stored
   */
  public Optional<VersionedVideo> getVersioned(String id) {
    return await("getVersioned", repository.getVersioned(id));
  }

  /**
   * Replaces a stored video if it is still at the expected version ({@link
   * VideoRepository#update(Video, long)}).
   *
   * @param video the new content, found by its id
   * @param expectedVersion the version the caller last read
   * @return the video as stored, with its new version
   * @throws VersionConflictException if the video is at another version
   * @throws VideoNotFoundException if no video has the id
   * @throws DuplicateVideoException if another video holds the new path
   */
  public VersionedVideo update(Video video, long expectedVersion) {
    return await("update", repository.update(video, expectedVersion));
  }

  /**
   * Replaces the fields of a stored video if it is still at the expected version ({@link
   * VideoRepository#update(String, VideoDraft, long)}).
   *
   * @param id the id of the video to change
   * @param video the new fields
   * @param expectedVersion the version the caller last read
   * @return the video as stored, with its new version
   * @throws VersionConflictException if the video is at another version
   * @throws VideoNotFoundException if no video has the id
   * @throws DuplicateVideoException if another video holds the new path
   */
  public VersionedVideo update(String id, VideoDraft video, long expectedVersion) {
    return await("update", repository.update(id, video, expectedVersion));
  }

  /**
   * Deletes a video if it is still at the expected version ({@link VideoRepository#delete(String,
   * long)}).
   *
   * @param id the id
   * @param expectedVersion the version the caller last read
   * @return the video removed
   * @throws VersionConflictException if the video is at another version
   * @throws VideoNotFoundException if no video has the id
   */
  public Video delete(String id, long expectedVersion) {
    return await("delete", repository.delete(id, expectedVersion));
  }

  /**
   * Checks whether the repository serves operations now ({@link VideoRepository#health}).
   *
   * @return the health; never a failure
   */
  public RepositoryHealth health() {
    return await("health", repository.health());
  }

  /**
   * The engine's own figures ({@link VideoRepository#statistics}).
   *
   * @return the figures, by name
   */
  public Map<String, Long> statistics() {
    return repository.statistics();
  }

  /**
   * Deletes a video by id ({@link VideoRepository#delete(String)}).
   *
   * @param id the id
   * @return whether a video was removed
   */
  public boolean delete(String id) {
    return await("delete", repository.delete(id));
  }

  /**
   * Counts the stored videos ({@link VideoRepository#count}).
   *
   * @return the count
   */
  public long count() {
    return await("count", repository.count());
  }

  /**
   * Walks every video in list order, fetching {@value #DEFAULT_PAGE_SIZE} at a time.
   *
   * @return a lazy stream; see {@link #stream(int)}
   */
  public Stream<Video> stream() {
    return stream(DEFAULT_PAGE_SIZE);
  }

  /**
   * Walks every video in list order, one {@link VideoRepository#page page} at a time, fetched only
   * when the stream needs it: an export of a million videos holds one page in memory. Like {@link
   * VideoRepository#stream()} it is weakly consistent (VR-6.3): a video present throughout the walk
   * appears exactly once. The stream holds nothing between pages, so not closing it leaks nothing;
   * it is closeable like any stream, for try-with-resources.
   *
   * @param pageSize how many videos one fetch reads, at least 1
   * @return a lazy, sequential stream
   * @throws InvalidArgumentException if {@code pageSize} is less than 1
   */
  public Stream<Video> stream(int pageSize) {
    if (pageSize < 1) {
      throw new InvalidArgumentException(
          "pageSize", Integer.toString(pageSize), "pageSize must be at least 1, was " + pageSize);
    }
    return StreamSupport.stream(new PageWalk(pageSize), false);
  }

  /** Closes the repository under the view ({@link VideoRepository#close()}). */
  @Override
  public void close() {
    repository.close();
  }

  /** The pages of a walk, fetched one at a time as the stream advances. */
  private final class PageWalk extends Spliterators.AbstractSpliterator<Video> {
    private final int pageSize;
    private @Nullable String cursor;
    private Iterator<Video> page = Collections.emptyIterator();
    private boolean lastPage;

    PageWalk(int pageSize) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.pageSize = pageSize;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Video> action) {
      while (!page.hasNext()) {
        if (lastPage) {
          return false;
        }
        VideoPage next = page(cursor, pageSize);
        page = next.items().iterator();
        cursor = next.nextCursor();
        lastPage = cursor == null;
      }
      action.accept(page.next());
      return true;
    }
  }

  private <T> T await(String operation, CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    try {
      return timeout == null ? future.get() : future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitInterruptedException(operation, e);
    } catch (TimeoutException e) {
      throw new WaitTimeoutException(operation, Objects.requireNonNull(timeout));
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause(), operation);
    }
  }

  /** The exception a stage failed with, as the caller of a blocking method should see it. */
  private static RuntimeException unwrapped(@Nullable Throwable failure, String operation) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    // Outside the specification (VR-1.8), so say so rather than guess a meaning.
    return new StorageException(
        operation
            + " failed with a checked exception, which the"
            + " specification does not allow: "
            + cause,
        cause,
        false);
  }
}
