package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.spi.PageCursor;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Twins that break the rules of search pages (VR-7.4, VR-7.5). */
final class BrokenSearchPages {

  private BrokenSearchPages() {}

  /**
   * Gives a next cursor whenever a page is full, as a backend does that reads exactly the limit and
   * guesses: a walk then ends on an empty page. Breaks VR-7.4.
   */
  static final class CursorAfterEveryFullPage extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> searchPage(String query, String cursor, int limit) {
      return super.searchPage(query, cursor, limit)
          .thenApply(
              p ->
                  p.nextCursor() == null && limit > 0 && p.items().size() == limit
                      ? new VideoPage(p.items(), PageCursor.at(p.items().get(limit - 1)).encode())
                      : p);
    }
  }

  /**
   * Counts matches to skip instead of seeking a position, as a backend does that passes an OFFSET
   * to its full-text engine: a deleted match before the cursor shifts the walk. Breaks VR-7.5.
   */
  static final class OffsetSearchCursor extends ReferenceRepository {
    @Override
    public CompletionStage<VideoPage> searchPage(String query, String cursor, int limit) {
      int offset;
      try {
        PageCursor c = PageCursor.decode(cursor);
        offset = c.isStart() ? 0 : Integer.parseInt(c.id().substring(1));
      } catch (RuntimeException e) {
        return super.searchPage(query, cursor, limit);
      }
      if (query == null || limit < 0 || closed) {
        return super.searchPage(query, cursor, limit);
      }
      return read(
          () -> {
            List<Video> matches =
                state.listed().stream().filter(v -> SearchText.matches(v, query)).toList();
            List<Video> items =
                matches.subList(
                    Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
            String next =
                offset + limit < matches.size()
                    ? new PageCursor(0, "#" + (offset + limit)).encode()
                    : null;
            return new VideoPage(items, next);
          });
    }
  }
}
