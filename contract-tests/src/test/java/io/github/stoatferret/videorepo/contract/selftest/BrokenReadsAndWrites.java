package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Stages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Broken backends for the rules of single operations: each is the reference backend with one
 * plausible mistake, the kind a real backend makes. Each names the rule it breaks.
 */
final class BrokenReadsAndWrites {

  private BrokenReadsAndWrites() {}

  /**
   * Checks a null id with {@code Objects.requireNonNull}: a {@code NullPointerException}, which a
   * web layer cannot tell from its own bugs. Breaks VR-1.2.
   */
  static final class NullPointerExceptionForNull extends ReferenceRepository {
    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      return id == null ? Stages.failed(new NullPointerException("id is required")) : super.get(id);
    }
  }

  /**
   * Takes a clock, as a backend's builder may, but create stamps with the system's time instead.
   * Breaks VR-14.1.
   */
  static final class CreateIgnoresTheClock extends ReferenceRepository {
    @Override
    public Clock clock() {
      return Clock.fixed(Instant.parse("2021-03-04T05:06:07.123456Z"), ZoneOffset.UTC);
    }

    @Override
    public CompletionStage<Video> create(VideoDraft video) {
      Instant now = Instant.now();
      return video == null ? add(null) : add(video.toVideo(Video.newId(), now, now));
    }
  }

  /**
   * Updates from fields with the stored timestamps, as a get-then-update would, so updatedAt never
   * moves. Breaks VR-14.2.
   */
  static final class UpdateFromFieldsKeepsUpdatedAt extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> update(String id, VideoDraft video) {
      Video old = id == null ? null : state.byId().get(id);
      return old == null || video == null
          ? super.update(id, video)
          : update(video.toVideo(id, old.createdAt(), old.updatedAt()));
    }
  }

  /**
   * Answers health with count() as it is, so a closed repository's health fails instead of saying
   * "down". Breaks VR-15.1.
   */
  static final class HealthFailsWhenClosed extends ReferenceRepository {
    @Override
    public CompletionStage<RepositoryHealth> health() {
      return count().thenApply(n -> RepositoryHealth.up("count " + n));
    }
  }

  /** Refuses to report figures once closed. Breaks VR-15.2. */
  static final class StatisticsThrowWhenClosed extends ReferenceRepository {
    @Override
    public synchronized Map<String, Long> statistics() {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      return Map.of("videos", (long) state.byId().size());
    }
  }

  /** Reads a negative limit as "nothing". Breaks VR-1.3. */
  static final class NegativeLimitIsEmpty extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> list(int limit, int offset) {
      return limit < 0 ? Stages.run(List::of) : super.list(limit, offset);
    }
  }

  /** Checks the arguments before the closed state. Breaks VR-1.4. */
  static final class ValidatesBeforeClosed extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return video == null ? Stages.failed(new NullPointerException("video")) : super.add(video);
    }
  }

  /** Stores a batch up to a null element, then fails. Breaks VR-1.6. */
  static final class StoresBeforeTheNull extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<List<Video>> addAll(List<Video> videos) {
      if (videos == null || videos.stream().noneMatch(java.util.Objects::isNull)) {
        return super.addAll(videos);
      }
      for (Video v : videos) {
        if (v == null) {
          break;
        }
        add(v);
      }
      return Stages.failed(new NullPointerException("videos contains null"));
    }
  }

  /** Keeps instants to the millisecond only. Breaks VR-1.7. */
  static final class MillisecondInstants extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return video == null
          ? super.add(video)
          : super.add(
              video.toBuilder()
                  .createdAt(video.createdAt().truncatedTo(ChronoUnit.MILLIS))
                  .updatedAt(video.updatedAt().truncatedTo(ChronoUnit.MILLIS))
                  .build());
    }
  }

  /** Reports a taken id as an IllegalStateException. Breaks VR-1.8. */
  static final class WrongFailureType extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      CompletionStage<Video> result = super.add(video);
      return result.exceptionallyCompose(
          e ->
              Stages.failed(
                  e instanceof DuplicateVideoException d
                      ? new IllegalStateException(d.getMessage())
                      : e));
    }
  }

  /**
   * Serves list from an order index that update forgets to refresh: every operation's result is
   * right, only the stored order is stale. Breaks VR-1.9 (the model's state check).
   */
  static final class StaleOrderAfterUpdate extends ReferenceRepository {
    private List<Video> order = List.of();

    @Override
    public synchronized CompletionStage<Video> add(Video video) {
      CompletionStage<Video> result = super.add(video);
      order = state.listed();
      return result;
    }

    @Override
    public synchronized CompletionStage<List<Video>> addAll(List<Video> videos) {
      CompletionStage<List<Video>> result = super.addAll(videos);
      order = state.listed();
      return result;
    }

    @Override
    public synchronized CompletionStage<Boolean> delete(String id) {
      CompletionStage<Boolean> result = super.delete(id);
      order = state.listed();
      return result;
    }

    @Override
    public synchronized CompletionStage<List<Video>> list(int limit, int offset) {
      if (limit < 0 || offset < 0 || closed) {
        return super.list(limit, offset);
      }
      return Stages.run(() -> order.stream().skip(offset).limit(limit).toList());
    }
  }

  /** Returns the added video with a fresh updatedAt. Breaks VR-2.1. */
  static final class ReturnsAnotherUpdatedAt extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return super.add(video)
          .thenApply(v -> v.toBuilder().updatedAt(v.updatedAt().plusSeconds(1)).build());
    }
  }

  /** Reports a taken path as an id clash. Breaks VR-2.2. */
  static final class PathClashReportedAsId extends ReferenceRepository {
    @Override
    public CompletionStage<Video> add(Video video) {
      return super.add(video)
          .exceptionallyCompose(
              e ->
                  Stages.failed(
                      e instanceof DuplicateVideoException d
                              && d.key() == DuplicateVideoException.Key.PATH
                          ? new DuplicateVideoException(DuplicateVideoException.Key.ID, video.id())
                          : e));
    }
  }

  /** Returns a batch in list order rather than input order. Breaks VR-3.1. */
  static final class AddAllReturnsListOrder extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> addAll(List<Video> videos) {
      return super.addAll(videos)
          .thenApply(
              stored -> {
                List<Video> reversed = new ArrayList<>(stored);
                java.util.Collections.reverse(reversed);
                return List.copyOf(reversed);
              });
    }
  }

  /** Refuses an empty batch. Breaks VR-3.3. */
  static final class RefusesEmptyBatch extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> addAll(List<Video> videos) {
      return videos != null && videos.isEmpty()
          ? Stages.failed(new IllegalArgumentException("videos must not be empty"))
          : super.addAll(videos);
    }
  }

  /** Finds ids regardless of case, as a case-insensitive collation would. Breaks VR-4.1. */
  static final class CaseInsensitiveGet extends ReferenceRepository {
    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      if (id == null) {
        return super.get(id);
      }
      return read(
          () -> state.listed().stream().filter(v -> v.id().equalsIgnoreCase(id)).findFirst());
    }
  }

  /** Finds paths regardless of case. Breaks VR-4.2. */
  static final class CaseInsensitivePath extends ReferenceRepository {
    @Override
    public CompletionStage<Optional<Video>> getByPath(String path) {
      if (path == null) {
        return super.getByPath(path);
      }
      return read(
          () -> state.listed().stream().filter(v -> v.path().equalsIgnoreCase(path)).findFirst());
    }
  }

  /** Skips one video too many when the offset is not zero. Breaks VR-5.2. */
  static final class OffsetOffByOne extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> list(int limit, int offset) {
      return super.list(limit, offset > 0 ? offset + 1 : offset);
    }
  }

  /** Starts a page at the cursor's video, not after it. Breaks VR-6.1. */
  static final class PageRepeatsTheCursorsVideo extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> page(String cursor, int limit) {
      if (cursor == null || limit < 0) {
        return super.page(cursor, limit);
      }
      PageCursor from;
      try {
        from = PageCursor.decode(cursor);
      } catch (IllegalArgumentException e) {
        return Stages.failed(e);
      }
      return read(
          () -> {
            List<Video> rest =
                state.listed().stream()
                    .filter(v -> from.precedes(v) || PageCursor.at(v).equals(from))
                    .toList();
            List<Video> items = rest.subList(0, Math.min(limit, rest.size()));
            String next =
                rest.size() > limit ? PageCursor.at(items.get(items.size() - 1)).encode() : null;
            return new VideoPage(items, next);
          });
    }
  }

  /** Gives a next cursor whenever a page is full, even at the end. Breaks VR-6.2. */
  static final class CursorAfterTheLastFullPage extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> page(String cursor, int limit) {
      return super.page(cursor, limit)
          .thenApply(
              p ->
                  p.nextCursor() == null && !p.items().isEmpty() && p.items().size() == limit
                      ? new VideoPage(p.items(), PageCursor.at(p.items().get(limit - 1)).encode())
                      : p);
    }
  }

  /** Encodes an offset in its cursors, so a delete shifts the walk. Breaks VR-6.3. */
  static final class OffsetCursor extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> page(String cursor, int limit) {
      int offset;
      try {
        PageCursor c = PageCursor.decode(cursor);
        offset = c.equals(PageCursor.START) ? 0 : Integer.parseInt(c.id().substring(1));
      } catch (RuntimeException e) {
        return super.page(cursor, limit);
      }
      if (limit < 0) {
        return super.page(cursor, limit);
      }
      return read(
          () -> {
            List<Video> all = state.listed();
            List<Video> items =
                all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            String next =
                offset + limit < all.size()
                    ? new PageCursor(0, "#" + (offset + limit)).encode()
                    : null;
            return new VideoPage(items, next);
          });
    }
  }

  /**
   * Keeps a refused batch's videos in its search index, as a backend might that indexes beside its
   * rows and undoes only the rows. Breaks VR-3.2 (a search finds what was never stored).
   */
  static final class RefusedBatchStaysSearchable extends ReferenceRepository {
    private final List<Video> ghosts = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<List<Video>> addAll(List<Video> videos) {
      return super.addAll(videos)
          .whenComplete(
              (stored, e) -> {
                if (e instanceof DuplicateVideoException
                    || e != null && e.getCause() instanceof DuplicateVideoException) {
                  ghosts.addAll(videos);
                }
              });
    }

    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      if (query == null || limit < 0 || !SearchText.isMatchable(query)) {
        return super.search(query, limit);
      }
      String folded = SearchText.fold(query);
      return super.search(query, limit)
          .thenApply(
              found -> {
                List<Video> all = new ArrayList<>(found);
                for (Video ghost : ghosts) {
                  if (SearchText.fold(ghost.path()).contains(folded)) {
                    all.add(ghost);
                  }
                }
                return all.stream().limit(limit).toList();
              });
    }
  }

  /** Searches the file name only. Breaks VR-7.1 (a path that matches is missed). */
  static final class FilenameOnlySearch extends ReferenceRepository {
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
                              && SearchText.fold(v.filename()).contains(SearchText.fold(query)))
                  .limit(limit)
                  .toList());
    }
  }

  /** Treats the empty query as no query at all. Breaks VR-7.2. */
  static final class EmptyQueryMatchesNothing extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      return "".equals(query) && limit >= 0 ? Stages.run(List::of) : super.search(query, limit);
    }
  }

  /** Lets % and _ act as LIKE wildcards. Breaks VR-7.3. */
  static final class LikeWildcards extends ReferenceRepository {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      if (query == null || limit < 0 || !SearchText.isMatchable(query)) {
        return super.search(query, limit);
      }
      StringBuilder regex = new StringBuilder();
      for (char c : SearchText.fold(query).toCharArray()) {
        regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
      }
      Pattern like = Pattern.compile(regex.toString(), Pattern.DOTALL);
      return read(
          () ->
              state.listed().stream()
                  .filter(
                      v ->
                          like.matcher(SearchText.fold(v.filename())).find()
                              || like.matcher(SearchText.fold(v.path())).find())
                  .limit(limit)
                  .toList());
    }
  }

  /** Inserts the video when update finds no id (an upsert). Breaks VR-8.2. */
  static final class UpsertOnUpdate extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> update(Video video) {
      if (video != null && !closed && !state.byId().containsKey(video.id())) {
        return add(video);
      }
      return super.update(video);
    }
  }

  /** Says it removed a video whether or not one had the id. Breaks VR-9.1. */
  static final class DeleteAlwaysTrue extends ReferenceRepository {
    @Override
    public CompletionStage<Boolean> delete(String id) {
      return super.delete(id).thenApply(removed -> true);
    }
  }

  /** Forgets to lower its count on delete. Breaks VR-10.1. */
  static final class CountIgnoresDeletes extends ReferenceRepository {
    private long deletes;

    @Override
    public synchronized CompletionStage<Boolean> delete(String id) {
      return super.delete(id)
          .thenApply(
              removed -> {
                deletes += removed ? 1 : 0;
                return removed;
              });
    }

    @Override
    public synchronized CompletionStage<Long> count() {
      long extra = deletes;
      return super.count().thenApply(n -> n + extra);
    }
  }
}
