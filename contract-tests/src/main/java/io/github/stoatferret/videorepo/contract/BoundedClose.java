package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The fixture's repository as the kit hands it to a test: every call goes straight to it, but
 * {@code close()} waits at most the await timeout. A backend whose close hangs then fails the test
 * that closed it (rule VR-12.2: close waits for the operations in flight, and returns) instead of
 * hanging the whole suite; the close goes on in a daemon thread.
 *
 * <p>Every method of {@link VideoRepository} is delegated, the default ones too, so that the kit
 * checks the backend's own versions (a self-test checks that none is missing).
 */
final class BoundedClose implements VideoRepository {

  private final VideoRepository backend;
  private final Duration timeout;

  BoundedClose(VideoRepository backend, Duration timeout) {
    this.backend = backend;
    this.timeout = timeout;
  }

  @Override
  public void close() {
    AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
    Thread closing =
        new Thread(
            () -> {
              try {
                backend.close();
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "videorepo-kit-close");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing.isAlive()) {
      throw ContractKit.failure(
          Rule.VR_12_2,
          "close()",
          "close to return",
          "still running after " + timeout.toMillis() + " ms",
          null);
    }
    Throwable e = thrown.get();
    if (e instanceof RuntimeException r) {
      throw r; // as the backend threw it: VR-12.1's tests name it
    }
    if (e instanceof Error error) {
      throw error;
    }
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return backend.add(video);
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return backend.addAll(videos);
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return backend.get(id);
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return backend.getByPath(path);
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return backend.list(limit, offset);
  }

  @Override
  public CompletionStage<List<Video>> list() {
    return backend.list();
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return backend.page(cursor, limit);
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return backend.search(query, limit);
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return backend.searchPage(query, cursor, limit);
  }

  @Override
  public CompletionStage<List<Video>> search(String query) {
    return backend.search(query);
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return backend.update(video);
  }

  @Override
  public Clock clock() {
    return backend.clock();
  }

  @Override
  public CompletionStage<Video> create(VideoDraft video) {
    return backend.create(video);
  }

  @Override
  public CompletionStage<Video> update(String id, VideoDraft video) {
    return backend.update(id, video);
  }

  @Override
  public CompletionStage<RepositoryHealth> health() {
    return backend.health();
  }

  @Override
  public Map<String, Long> statistics() {
    return backend.statistics();
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return backend.delete(id);
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return backend.getVersioned(id);
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return backend.update(video, expectedVersion);
  }

  @Override
  public CompletionStage<VersionedVideo> update(String id, VideoDraft video, long expectedVersion) {
    return backend.update(id, video, expectedVersion);
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return backend.delete(id, expectedVersion);
  }

  @Override
  public CompletionStage<Long> count() {
    return backend.count();
  }

  @Override
  public Flow.Publisher<Video> stream() {
    return backend.stream();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    return backend.changes();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return backend.changesAfter(position);
  }

  @Override
  public BlockingVideoRepository blocking() {
    return backend.blocking();
  }
}
