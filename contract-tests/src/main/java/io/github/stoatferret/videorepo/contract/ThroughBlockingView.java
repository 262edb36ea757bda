package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.Stages;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A repository whose every call goes through the {@link BlockingVideoRepository} view of another
 * and back: what the view returns becomes a completed stage, what it throws a failed one. Run the
 * kit on it (return it from {@code createRepository}) to check that the blocking view keeps every
 * rule of the backend under it: values, exception types, ordering, atomicity.
 */
public final class ThroughBlockingView implements VideoRepository {

  private final BlockingVideoRepository view;

  private ThroughBlockingView(BlockingVideoRepository view) {
    this.view = view;
  }

  /**
   * Wraps a backend.
   *
   * @param backend the repository under the view
   * @return a repository whose calls all pass through {@code backend.blocking()}
   */
  public static VideoRepository of(VideoRepository backend) {
    return new ThroughBlockingView(backend.blocking());
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return Stages.run(() -> view.add(video));
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return Stages.run(() -> view.addAll(videos));
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return Stages.run(() -> view.get(id));
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return Stages.run(() -> view.getByPath(path));
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return Stages.run(() -> view.list(limit, offset));
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    return Stages.run(() -> view.page(cursor, limit));
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return Stages.run(() -> view.search(query, limit));
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return Stages.run(() -> view.searchPage(query, cursor, limit));
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return Stages.run(() -> view.update(video));
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return Stages.run(() -> view.delete(id));
  }

  @Override
  public CompletionStage<Long> count() {
    return Stages.run(view::count);
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return Stages.run(() -> view.getVersioned(id));
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return Stages.run(() -> view.update(video, expectedVersion));
  }

  @Override
  public CompletionStage<VersionedVideo> update(String id, VideoDraft video, long expectedVersion) {
    return Stages.run(() -> view.update(id, video, expectedVersion));
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return Stages.run(() -> view.delete(id, expectedVersion));
  }

  @Override
  public CompletionStage<Video> create(VideoDraft video) {
    return Stages.run(() -> view.create(video));
  }

  @Override
  public CompletionStage<Video> update(String id, VideoDraft video) {
    return Stages.run(() -> view.update(id, video));
  }

  @Override
  public CompletionStage<RepositoryHealth> health() {
    return Stages.run(view::health);
  }

  @Override
  public Map<String, Long> statistics() {
    return view.statistics();
  }

  @Override
  public Clock clock() {
    return view.async().clock();
  }

  @Override
  public void close() {
    view.close();
  }
}
