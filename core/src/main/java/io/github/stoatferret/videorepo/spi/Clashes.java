package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which clash a batch of new videos reports (VR-2.2, VR-3.2): the first video in batch order whose
 * id, then whose path, is taken, by a stored video or by an earlier video of the same batch. Every
 * backend finds it here, so all report the same key for the same batch; how "taken" is looked up (a
 * map, an index probe, a set fetched in one query) is the backend's.
 */
public final class Clashes {

  /**
   * Whether a key is held by a stored video.
   *
   * @param <X> what the look-up may throw (e.g. {@code SQLException})
   */
  @FunctionalInterface
  public interface Taken<X extends Exception> {
    /**
     * Looks a key up.
     *
     * @param key the id or path
     * @return {@code true} if a stored video holds it
     * @throws X if the look-up fails
     */
    boolean test(String key) throws X;
  }

  private Clashes() {}

  /**
   * The first clash of a batch, looking up only as far as the first clash.
   *
   * @param batch the new videos, in the caller's order
   * @param idTaken whether a stored video has an id
   * @param pathTaken whether a stored video has a path
   * @param <X> what the look-ups may throw
   * @return the clash to report, or {@code null} if the batch may be stored
   * @throws X if a look-up fails
   */
  public static <X extends Exception> @Nullable DuplicateVideoException first(
      List<Video> batch, Taken<X> idTaken, Taken<X> pathTaken) throws X {
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Video v : batch) {
      if (!ids.add(v.id()) || idTaken.test(v.id())) {
        return new DuplicateVideoException(DuplicateVideoException.Key.ID, v.id());
      }
      if (!paths.add(v.path()) || pathTaken.test(v.path())) {
        return new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path());
      }
    }
    return null;
  }
}
