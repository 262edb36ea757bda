package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.engine.QueuedTask;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A write queued for the {@link Writer}, and the future its caller holds.
 *
 * @param <T> the result type
 */
final class WriteTask<T> extends QueuedTask<T> {

  /**
   * The write, in a transaction of its own or a group's; {@code null} for a lone add, which the
   * writer inserts with the other adds of its group, or alone with {@link Writes#add}.
   */
  final Transactions.@Nullable Write<T> work;

  /** For {@code add} and {@code addAll}: the new videos, which the writer inserts together. */
  final @Nullable List<Video> adds;

  /** Whether the caller asked for one video ({@code add}) rather than a list. */
  final boolean single;

  private WriteTask(
      String operation,
      Transactions.@Nullable Write<T> work,
      @Nullable List<Video> adds,
      boolean single,
      BackendFuture.Completer<T> result) {
    super(operation, result);
    this.work = work;
    this.adds = adds;
    this.single = single;
  }

  /** A write of its own kind: update, delete. */
  static <T> WriteTask<T> of(
      String operation, Transactions.Write<T> work, BackendFuture.Completer<T> result) {
    return new WriteTask<>(operation, work, null, false, result);
  }

  /** An add, which the writer may insert with the other adds of its group. */
  static WriteTask<Video> add(Video video, BackendFuture.Completer<Video> result) {
    return new WriteTask<>("add", null, List.of(video), true, result);
  }

  /** An addAll, which the writer may insert with the other adds of its group. */
  static WriteTask<List<Video>> addAll(
      List<Video> videos,
      Transactions.Write<List<Video>> alone,
      BackendFuture.Completer<List<Video>> result) {
    return new WriteTask<>("addAll", alone, videos, false, result);
  }

  /** How many new videos the task adds: a group's weight ({@link Writer#MAX_GROUP_VIDEOS}). */
  int newVideos() {
    return adds == null ? 0 : adds.size();
  }
}
