package io.github.stoatferret.videorepo;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of videos in list order, and where the next page starts.
 *
 * @param items the videos of this page, in list order; unmodifiable
 * @param nextCursor the cursor of the next page, or {@code null} when no further video existed when
 *     this page was read
 */
public record VideoPage(List<Video> items, @Nullable String nextCursor) {

  /**
   * Makes a page, copying the items into an unmodifiable list.
   *
   * @param items the {@linkplain #items() items}
   * @param nextCursor the {@linkplain #nextCursor() nextCursor}
   * @throws NullPointerException if {@code items} or one of its elements is null
   */
  public VideoPage {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /**
   * Whether another page follows.
   *
   * @return {@code nextCursor() != null}
   */
  public boolean hasNext() {
    return nextCursor != null;
  }
}
