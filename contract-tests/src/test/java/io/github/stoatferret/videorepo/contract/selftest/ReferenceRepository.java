package io.github.stoatferret.videorepo.contract.selftest;

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
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.ChangeHistory;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.ChangeWindow;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Pages;
import io.github.stoatferret.videorepo.spi.Stages;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The simplest correct backend: the kit's own reference model behind one lock. The kit's self-test
 * runs the whole kit against it (so the kit's example tests and its model agree), and the broken
 * variants override one method each.
 */
class ReferenceRepository implements VideoRepository {

  /** The feed limits of a repository the fixture does not limit. */
  static final int RETAINED = 10_000;

  static final int BUFFERED = 1_024;

  protected final VideoChangeListener listener;
  protected ModelState state = ModelState.EMPTY;
  protected boolean closed;

  /** The kept changes, and the feed over them (VR-17). */
  protected final ChangeWindow kept;

  protected final ChangeHub feed;

  ReferenceRepository(VideoChangeListener listener, ChangeWindow kept, int buffered) {
    this.listener = listener;
    this.kept = kept;
    this.feed =
        new ChangeHub(
            "reference",
            history(kept),
            ChangeHub.signallingExecutor("reference-feed-"),
            buffered,
            new ChangePosition(kept.next().value() - 1));
  }

  ReferenceRepository(VideoChangeListener listener) {
    this(listener, new ChangeWindow(RETAINED, "reference"), BUFFERED);
  }

  ReferenceRepository() {
    this(VideoChangeListener.NONE);
  }

  /** What the feed reads for a subscriber behind its buffer; a twin may read it wrong. */
  protected ChangeHistory history(ChangeWindow window) {
    return window;
  }

  /** Applies an op to the model under the lock and sends its events. */
  @SuppressWarnings("unchecked")
  protected synchronized <T> CompletionStage<T> apply(Op op) {
    if (closed) {
      return Stages.failed(new RepositoryClosedException("closed"));
    }
    ModelState.Step step = state.apply(op);
    state = step.next();
    for (VideoChangeEvent e : step.events()) {
      try {
        listener.onChange(e);
      } catch (RuntimeException ignored) {
        // VR-13.4: a throwing listener fails nothing
      }
      if (feeds(e)) {
        ChangeFeedEvent positioned = new ChangeFeedEvent(kept.next(), e);
        kept.append(positioned);
        feed.publish(positioned);
      }
    }
    feed.deliver();
    if (step.outcome().isOk()) {
      return Stages.run(() -> (T) step.outcome().value());
    }
    return Stages.failed(rethrowable(step));
  }

  private static RuntimeException rethrowable(ModelState.Step step) {
    // The model reduces failures to their type and detail; rebuild the exception.
    String detail = step.outcome().detail();
    Class<? extends Throwable> type = step.outcome().failure();
    if (type == DuplicateVideoException.class) {
      String[] parts = detail.split(" ", 2);
      return new DuplicateVideoException(DuplicateVideoException.Key.valueOf(parts[0]), parts[1]);
    }
    if (type == VersionConflictException.class) {
      int expected = detail.lastIndexOf(" expected ");
      int current = detail.lastIndexOf(" current ");
      return new VersionConflictException(
          detail.substring(0, expected),
          Long.parseLong(detail.substring(expected + 10, current)),
          Long.parseLong(detail.substring(current + 9)));
    }
    return new VideoNotFoundException(detail);
  }

  protected synchronized <T> CompletionStage<T> read(Supplier<T> work) {
    if (closed) {
      return Stages.failed(new RepositoryClosedException("closed"));
    }
    return Stages.run(work);
  }

  private <T> CompletionStage<T> checked(Supplier<Op> op) {
    synchronized (this) {
      if (closed) {
        return Stages.failed(new RepositoryClosedException("closed"));
      }
      Op made;
      try {
        made = op.get();
      } catch (RuntimeException e) {
        return Stages.failed(e);
      }
      return apply(made);
    }
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return checked(() -> new Op.Add(Arguments.notNull(video, "video")));
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return checked(() -> new Op.AddAll(Arguments.noNulls(videos, "videos")));
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return checked(() -> new Op.Get(Arguments.notNull(id, "id")));
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return checked(() -> new Op.GetByPath(Arguments.notNull(path, "path")));
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return checked(() -> new Op.ListOp(Arguments.limit(limit), Arguments.offset(offset)));
  }

  @Override
  public CompletionStage<VideoPage> page(String cursor, int limit) {
    return read(
        () -> {
          PageCursor from = PageCursor.decode(cursor);
          return Pages.after(from, state.listed(), Arguments.limit(limit), v -> true);
        });
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, String cursor, int limit) {
    return read(
        () -> {
          Arguments.notNull(query, "query");
          PageCursor from = PageCursor.decode(cursor);
          return Pages.after(
              from, state.listed(), Arguments.limit(limit), v -> SearchText.matches(v, query));
        });
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return checked(() -> new Op.Search(Arguments.notNull(query, "query"), Arguments.limit(limit)));
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return checked(() -> new Op.Update(Arguments.notNull(video, "video")));
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return checked(() -> new Op.Delete(Arguments.notNull(id, "id")));
  }

  @Override
  public CompletionStage<Long> count() {
    return checked(Op.Count::new);
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return checked(() -> new Op.GetVersioned(Arguments.notNull(id, "id")));
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return checked(
        () ->
            new Op.UpdateIfVersion(
                Arguments.notNull(video, "video"),
                VersionedVideo.checkVersion("expectedVersion", expectedVersion)));
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return checked(
        () ->
            new Op.DeleteIfVersion(
                Arguments.notNull(id, "id"),
                VersionedVideo.checkVersion("expectedVersion", expectedVersion)));
  }

  /** Whether a change goes to the feed; a twin may leave some out. */
  protected boolean feeds(VideoChangeEvent change) {
    return true;
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changes() {
    return feed.live();
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return feed.after(position);
  }

  @Override
  public synchronized void close() {
    closed = true;
    feed.close();
  }
}
