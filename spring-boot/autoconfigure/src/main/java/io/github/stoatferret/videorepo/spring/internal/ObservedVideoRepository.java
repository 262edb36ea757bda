package io.github.stoatferret.videorepo.spring.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The repository bean the starter hands out: the backend, with each operation observed (a timer per
 * operation and outcome when Micrometer's meter handler is registered, a span when tracing is) and
 * change feeds that the application's shutdown ends.
 *
 * <p>The observation wraps the stage, not a thread: it starts when the call is made and stops when
 * the stage completes, on whatever thread completes it. The stage returned is the backend's own, so
 * its rules (read-only stages, callbacks off the engine's threads) are unchanged.
 */
public final class ObservedVideoRepository implements VideoRepository {

  /** The observation's name; the timer Micrometer derives from it has the same. */
  public static final String OBSERVATION = "videorepo.operation";

  private final VideoRepository backend;
  private final ObservationRegistry observations;
  private final EndableFeeds feeds;

  /**
   * Wraps a backend.
   *
   * @param backend the repository that does the work; closed by {@link #close()}
   * @param observations where observations go ({@link ObservationRegistry#NOOP} for none)
   * @param feeds the feeds to end at shutdown
   */
  public ObservedVideoRepository(
      VideoRepository backend, ObservationRegistry observations, EndableFeeds feeds) {
    this.backend = backend;
    this.observations = observations;
    this.feeds = feeds;
  }

  /**
   * The backend itself, for its own methods (SQLite's {@code optimize()}).
   *
   * @return the wrapped repository
   */
  public VideoRepository backend() {
    return backend;
  }

  private <T> CompletionStage<T> observe(String operation, Supplier<CompletionStage<T>> call) {
    Observation observation =
        Observation.createNotStarted(OBSERVATION, observations)
            .contextualName("videorepo " + operation)
            .lowCardinalityKeyValue("operation", operation)
            .start();
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) { // a backend that throws instead of failing the stage
      stop(observation, e);
      throw e;
    }
    stage.whenComplete((value, failure) -> stop(observation, failure));
    return stage;
  }

  private static void stop(Observation observation, @Nullable Throwable failure) {
    if (failure == null) {
      observation.lowCardinalityKeyValue("outcome", "success");
    } else {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      observation.lowCardinalityKeyValue("outcome", cause.getClass().getSimpleName());
      observation.error(cause);
    }
    observation.stop();
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return observe("add", () -> backend.add(video));
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return observe("addAll", () -> backend.addAll(videos));
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return observe("get", () -> backend.get(id));
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return observe("getByPath", () -> backend.getByPath(path));
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return observe("list", () -> backend.list(limit, offset));
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return observe("page", () -> backend.page(cursor, limit));
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return observe("search", () -> backend.search(query, limit));
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return observe("searchPage", () -> backend.searchPage(query, cursor, limit));
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return observe("update", () -> backend.update(video));
  }

  @Override
  public Clock clock() {
    return backend.clock();
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return observe("getVersioned", () -> backend.getVersioned(id));
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return observe("updateVersioned", () -> backend.update(video, expectedVersion));
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return observe("deleteVersioned", () -> backend.delete(id, expectedVersion));
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
    return observe("delete", () -> backend.delete(id));
  }

  @Override
  public CompletionStage<Long> count() {
    return observe("count", backend::count);
  }

  @Override
  public Flow.Publisher<Video> stream() {
    return backend.stream();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    return feeds.endable(backend.changes());
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return feeds.endable(backend.changesAfter(position));
  }

  @Override
  public void close() {
    // The backend completes its feeds itself, after the changes its last writes made.
    backend.close();
  }

  @Override
  public String toString() {
    return "ObservedVideoRepository[" + backend + "]";
  }
}
