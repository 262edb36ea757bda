package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Stages;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

/**
 * Deliberately broken backends, each wrong in one way that a real backend could be. The kit must
 * catch every one with the rule it breaks ({@link KitCatchesBrokenRepositoriesTest}).
 */
final class BrokenRepositories {

  private BrokenRepositories() {}

  /**
   * Returns the JDK's minimal stages, whose {@code cancel} throws {@link
   * UnsupportedOperationException}: read-only, but every adapter that cancels a stage when its
   * subscriber goes away logs an error. Breaks VR-1.10.
   */
  static final class CancelThrowsLikeAMinimalStage extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return super.add(video).toCompletableFuture().minimalCompletionStage();
    }

    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      return super.get(id).toCompletableFuture().minimalCompletionStage();
    }
  }

  /**
   * Lets an update take a path another video holds, and reports the update as a change, as a
   * backend whose update forgot the path check would. Breaks VR-8.3 only: the self-test runs the
   * whole kit against it and expects every failure to name VR-8.3 first.
   */
  static final class TakesAnotherVideosPathOnUpdate extends ReferenceRepository {
    TakesAnotherVideosPathOnUpdate(VideoChangeListener listener) {
      super(listener);
    }

    @Override
    public synchronized CompletionStage<Video> update(Video video) {
      if (closed || video == null || !state.byId().containsKey(video.id())) {
        return super.update(video);
      }
      Video old = state.byId().get(video.id());
      Video stored = video.toBuilder().createdAt(old.createdAt()).build();
      Map<String, Video> next = new HashMap<>(state.byId());
      next.put(video.id(), stored);
      Map<String, Long> versions = new HashMap<>(state.versions());
      versions.merge(video.id(), 1L, Long::sum);
      state = new ModelState(next, versions);
      try {
        listener.onChange(VideoChangeEvent.Updated.of(old, stored));
      } catch (RuntimeException ignored) {
        // VR-13.4: a throwing listener fails nothing
      }
      return Stages.run(() -> stored);
    }
  }

  /** Lets an update take a path another video holds. Breaks VR-8.3. */
  static final class IgnoresPathUniquenessOnUpdate extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> update(Video video) {
      if (video == null || !state.byId().containsKey(video.id())) {
        return super.update(video);
      }
      Video stored = video.toBuilder().createdAt(state.byId().get(video.id()).createdAt()).build();
      Map<String, Video> next = new HashMap<>(state.byId());
      next.put(video.id(), stored);
      state = new ModelState(next);
      return Stages.run(() -> stored);
    }
  }

  /** Searches with plain {@code contains}, so case matters. Breaks VR-7.1. */
  static final class CaseSensitiveSearch extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      if (query == null || limit < 0) {
        return super.search(query, limit);
      }
      return read(
          () ->
              state.listed().stream()
                  .filter(
                      v ->
                          SearchText.isMatchable(query)
                              && (v.filename().contains(query) || v.path().contains(query)))
                  .limit(limit)
                  .toList());
    }
  }

  /**
   * Checks a large batch in chunks of 999 (SQLite's old parameter limit), each against the videos
   * stored before the batch and within itself, then stores them all: a clash between two chunks
   * goes through. Breaks VR-3.2.
   */
  static final class ChecksBatchesInChunks extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<List<Video>> addAll(List<Video> videos) {
      if (closed
          || videos == null
          || videos.size() <= 999
          || videos.stream().anyMatch(Objects::isNull)) {
        return super.addAll(videos);
      }
      for (int from = 0; from < videos.size(); from += 999) {
        List<Video> chunk = videos.subList(from, Math.min(from + 999, videos.size()));
        if (!state.apply(new Op.AddAll(chunk)).outcome().isOk()) {
          return super.addAll(chunk); // fails as the chunk's check did
        }
      }
      Map<String, Video> next = new HashMap<>(state.byId());
      videos.forEach(v -> next.put(v.id(), v));
      state = new ModelState(next);
      return Stages.run(() -> List.copyOf(videos));
    }
  }

  /** Caps every limit at 10,000, as a service caps its page size. Breaks VR-5.2. */
  static final class LimitsCappedAtTenThousand extends ReferenceRepository {
    private static int capped(int limit) {
      return Math.min(limit, 10_000);
    }

    @Override
    public CompletionStage<List<Video>> list(int limit, int offset) {
      return super.list(capped(limit), offset);
    }

    @Override
    public CompletionStage<VideoPage> page(String cursor, int limit) {
      return super.page(cursor, capped(limit));
    }

    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      return super.search(query, capped(limit));
    }
  }

  /**
   * Searches the first 255 characters of each folded file name and path, as an index with a capped
   * key length would. Breaks VR-7.1.
   */
  static final class SearchesTheFirst255Characters extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      if (query == null || limit < 0 || !SearchText.isMatchable(query)) {
        return super.search(query, limit);
      }
      String folded = SearchText.fold(query);
      return read(
          () ->
              state.listed().stream()
                  .filter(
                      v -> head(v.filename()).contains(folded) || head(v.path()).contains(folded))
                  .limit(limit)
                  .toList());
    }

    private static String head(String text) {
      String folded = SearchText.fold(text);
      return folded.substring(0, Math.min(255, folded.length()));
    }
  }

  /** Cuts every query to its first 64 characters, as a query parser might. Breaks VR-7.1. */
  static final class TruncatesQueriesTo64 extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      return super.search(
          query == null || query.length() <= 64 ? query : query.substring(0, 64), limit);
    }
  }

  /** Stores the createdAt an update gives. Breaks VR-8.1. */
  static final class LosesCreatedAt extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> update(Video video) {
      CompletionStage<Video> result = super.update(video);
      if (video != null
          && result.toCompletableFuture().isDone()
          && !result.toCompletableFuture().isCompletedExceptionally()) {
        Map<String, Video> next = new HashMap<>(state.byId());
        next.put(video.id(), video);
        state = new ModelState(next);
        return Stages.run(() -> video);
      }
      return result;
    }
  }

  /** Adds a batch one by one, keeping those before the first clash. Breaks VR-3.2. */
  static final class NonAtomicAddAll extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<List<Video>> addAll(List<Video> videos) {
      if (videos == null || videos.stream().anyMatch(Objects::isNull)) {
        return super.addAll(videos);
      }
      // One at a time, as a loop of adds would, in one map (a model state per add would copy
      // the map for each video: minutes for the kit's batch of 33,000).
      Map<String, Video> next = new HashMap<>(state.byId());
      Set<String> paths = new HashSet<>();
      next.values().forEach(v -> paths.add(v.path()));
      for (Video v : videos) {
        if (next.containsKey(v.id()) || paths.contains(v.path())) {
          state = new ModelState(next); // the videos before the clash stay stored
          return add(v).thenApply(x -> videos); // fails with the clash
        }
        next.put(v.id(), v);
        paths.add(v.path());
      }
      state = new ModelState(next);
      return Stages.run(() -> List.copyOf(videos));
    }
  }

  /** Throws on a null argument instead of failing the stage. Breaks VR-1.1. */
  static final class ThrowsInsteadOfFailing extends ReferenceRepository {
    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      if (id == null) {
        throw new NullPointerException("id");
      }
      return super.get(id);
    }
  }

  /** Checks for a clash, then inserts, without holding a lock in between. Breaks VR-1.5. */
  static final class RacyCheckThenInsert extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      if (video == null) {
        return super.add(video);
      }
      CompletionStage<Optional<Video>> existing = get(video.id());
      boolean taken =
          existing.toCompletableFuture().join().isPresent()
              || getByPath(video.path()).toCompletableFuture().join().isPresent();
      if (taken) {
        return super.add(video); // reports the clash
      }
      LockSupport.parkNanos(200_000); // the window a real backend has between check and insert
      synchronized (this) {
        Map<String, Video> next = new HashMap<>(state.byId());
        next.put(video.id(), video);
        state = new ModelState(next);
      }
      return Stages.run(() -> video);
    }
  }

  /** Orders ids by {@link String#compareTo}, not by code point. Breaks VR-5.1. */
  static final class Utf16IdOrder extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> list(int limit, int offset) {
      if (limit < 0 || offset < 0) {
        return super.list(limit, offset);
      }
      return read(
          () ->
              state.byId().values().stream()
                  .sorted(
                      Comparator.comparing(Video::createdAt).reversed().thenComparing(Video::id))
                  .skip(offset)
                  .limit(limit)
                  .toList());
    }
  }

  /** Treats any cursor it cannot read as the start. Breaks VR-6.4. */
  static final class LenientCursor extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> page(String cursor, int limit) {
      try {
        PageCursor.decode(cursor);
        return super.page(cursor, limit);
      } catch (IllegalArgumentException e) {
        return super.page(null, limit);
      }
    }
  }

  /** Sends an event for a failed add as well. Breaks VR-13.3. */
  static final class EventForFailedAdd extends ReferenceRepository {
    private final VideoChangeListener listener;

    EventForFailedAdd(VideoChangeListener listener) {
      super(listener);
      this.listener = listener;
    }

    @Override
    public CompletionStage<Video> add(Video video) {
      CompletionStage<Video> result = super.add(video);
      if (video != null && result.toCompletableFuture().isCompletedExceptionally()) {
        listener.onChange(new VideoChangeEvent.Added(video));
      }
      return result;
    }
  }

  /**
   * Hands out the {@code CompletableFuture} it completes, so a caller can obtrude or cancel it.
   * Breaks VR-1.10.
   */
  static final class WritableStages extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return super.add(video).toCompletableFuture();
    }

    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      return super.get(id).toCompletableFuture();
    }

    @Override
    public CompletionStage<Boolean> delete(String id) {
      return super.delete(id).toCompletableFuture();
    }

    @Override
    public CompletionStage<Long> count() {
      return super.count().toCompletableFuture();
    }
  }
}
