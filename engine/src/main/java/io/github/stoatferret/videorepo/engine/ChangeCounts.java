package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.util.List;

/**
 * For backends that keep the number of videos next to the data, so that {@code count()} reads one
 * value instead of counting rows: what a committed transaction's changes do to that number.
 */
public final class ChangeCounts {

  private ChangeCounts() {}

  /**
   * The net number of videos a list of committed changes adds: one per {@link
   * VideoChangeEvent.Added}, minus one per {@link VideoChangeEvent.Deleted}; updates change
   * nothing.
   *
   * @param committed the changes
   * @return the change in the number of videos, negative when more were deleted than added
   */
  public static long netNewVideos(List<? extends VideoChangeEvent> committed) {
    long delta = 0;
    for (VideoChangeEvent e : committed) {
      if (e instanceof VideoChangeEvent.Added) {
        delta++;
      } else if (e instanceof VideoChangeEvent.Deleted) {
        delta--;
      }
    }
    return delta;
  }
}
