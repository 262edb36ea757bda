package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A test double: every operation returns a fixed stage if one is given, else the delegate's; it
 * counts the {@code page} calls.
 */
final class StubRepository implements VideoRepository {

  private final VideoRepository delegate;
  private final @Nullable CompletableFuture<?> answer;
  private final AtomicInteger pages;

  StubRepository(
      VideoRepository delegate, @Nullable CompletableFuture<?> answer, AtomicInteger pages) {
    this.delegate = delegate;
    this.answer = answer;
    this.pages = pages;
  }

  @SuppressWarnings("unchecked")
  private <T> CompletionStage<T> or(CompletionStage<T> real) {
    return answer == null ? real : (CompletionStage<T>) answer;
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return or(delegate.add(video));
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return or(delegate.addAll(videos));
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return or(delegate.get(id));
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return or(delegate.getByPath(path));
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return or(delegate.list(limit, offset));
  }

  @Override
  public CompletionStage<VideoPage> page(@Nullable String cursor, int limit) {
    pages.incrementAndGet();
    return or(delegate.page(cursor, limit));
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return or(delegate.search(query, limit));
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit) {
    return or(delegate.searchPage(query, cursor, limit));
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return or(delegate.update(video));
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return or(delegate.delete(id));
  }

  @Override
  public CompletionStage<Long> count() {
    return or(delegate.count());
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return or(delegate.getVersioned(id));
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return or(delegate.update(video, expectedVersion));
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return or(delegate.delete(id, expectedVersion));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
