package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts one page out of videos in list order, with the {@code nextCursor} that {@link
 * io.github.stoatferret.videorepo.VideoRepository#page} and {@link
 * io.github.stoatferret.videorepo.VideoRepository#searchPage} specify (VR-6.2, VR-7.4): for a
 * backend that holds its videos in list order (a sorted map) or reads them so.
 */
public final class Pages {

  private Pages() {}

  /**
   * The first {@code limit} videos after a position that a filter keeps, and whether another
   * follows them. It reads at most one kept video past the page.
   *
   * @param from the position; videos at or before it are skipped
   * @param inListOrder the videos, in list order; may start before {@code from}
   * @param limit the most videos on the page, not negative
   * @param keep which videos count (all of them for {@code page}, the matches for a search)
   * @return the page; its {@code nextCursor} is {@code null} exactly when no kept video follows it,
   *     and for {@code limit} 0 continues from {@code from}
   */
  public static VideoPage after(
      PageCursor from, Iterable<Video> inListOrder, int limit, Predicate<? super Video> keep) {
    Arguments.limit(limit);
    List<Video> items = new ArrayList<>(Math.min(limit, 1024));
    PageCursor last = from;
    for (Video v : inListOrder) {
      if (!from.precedes(v) || !keep.test(v)) {
        continue;
      }
      if (items.size() == limit) {
        return new VideoPage(items, last.encode());
      }
      items.add(v);
      last = PageCursor.at(v);
    }
    return new VideoPage(items, null);
  }
}
