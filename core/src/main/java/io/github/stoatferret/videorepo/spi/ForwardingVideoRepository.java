package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A repository that hands every operation to another one: the base of a backend's public facade
 * over its engine, or of a decorator that changes a few operations (logging, metrics, access
 * checks) and keeps the rest. It forwards each of {@link VideoRepository}'s operations, including
 * the ones with defaults that a backend may implement better ({@link #stream}, {@link #changes},
 * {@link #changesAfter}, {@link #health}, {@link #statistics}, {@link #clock}); the conveniences
 * built on them ({@code create}, {@code list()}, {@code blocking()}) stay the interface's, so they
 * go through the overridable operations. A subclass overrides what it changes and calls {@code
 * super} for the rest.
 */
public abstract class ForwardingVideoRepository implements VideoRepository {

  private final VideoRepository delegate;

  /**
   * Forwards to a repository.
   *
   * @param delegate the repository every operation goes to
   */
  protected ForwardingVideoRepository(VideoRepository delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return delegate.add(video);
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return delegate.addAll(videos);
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return delegate.get(id);
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return delegate.getByPath(path);
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return delegate.getVersioned(id);
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return delegate.list(limit, offset);
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return delegate.page(cursor, limit);
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return delegate.search(query, limit);
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return delegate.searchPage(query, cursor, limit);
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return delegate.update(video);
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return delegate.update(video, expectedVersion);
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return delegate.delete(id);
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return delegate.delete(id, expectedVersion);
  }

  @Override
  public CompletionStage<Long> count() {
    return delegate.count();
  }

  @Override
  public Flow.Publisher<Video> stream() {
    return delegate.stream();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    return delegate.changes();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return delegate.changesAfter(position);
  }

  @Override
  public CompletionStage<RepositoryHealth> health() {
    return delegate.health();
  }

  @Override
  public Map<String, Long> statistics() {
    return delegate.statistics();
  }

  @Override
  public Clock clock() {
    return delegate.clock();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
