package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * What a copy's destination holds for a chunk of source videos. Every lookup of a chunk is sent at
 * once through the asynchronous API, so a chunk of 1,000 costs about one round of the backend's
 * parallel reads, not 2,000 waits in turn.
 */
final class Destination {

  /**
   * The verdict on a chunk.
   *
   * @param missing the source videos the destination lacks, in source order
   * @param present how many are there already, equal in every field
   * @param conflict the first video the destination holds differently, described; or null
   */
  record Verdict(List<Video> missing, int present, @Nullable String conflict) {}

  private Destination() {}

  /**
   * Looks a chunk of source videos up in the destination, by id and by path.
   *
   * @param destination the destination repository
   * @param chunk source videos
   * @return the verdict
   */
  static Verdict check(VideoRepository destination, List<Video> chunk) {
    List<CompletableFuture<Finding>> lookups = new ArrayList<>(chunk.size());
    for (Video v : chunk) {
      lookups.add(
          destination
              .get(v.id())
              .thenCombine(
                  destination.getByPath(v.path()), (byId, byPath) -> compare(v, byId, byPath))
              .toCompletableFuture());
    }
    List<Video> missing = new ArrayList<>();
    int present = 0;
    String conflict = null;
    for (int i = 0; i < chunk.size(); i++) {
      Finding found = await(lookups.get(i));
      switch (found.kind()) {
        case MISSING -> missing.add(chunk.get(i));
        case SAME -> present++;
        case CONFLICT -> conflict = conflict == null ? found.conflict() : conflict;
      }
    }
    return new Verdict(List.copyOf(missing), present, conflict);
  }

  private enum Kind {
    MISSING,
    SAME,
    CONFLICT
  }

  /** What the destination holds for one source video; a conflict is described. */
  private record Finding(Kind kind, String conflict) {
    static final Finding MISSING = new Finding(Kind.MISSING, "");
    static final Finding SAME = new Finding(Kind.SAME, "");

    static Finding conflict(String description) {
      return new Finding(Kind.CONFLICT, description);
    }
  }

  private static Finding compare(Video source, Optional<Video> byId, Optional<Video> byPath) {
    if (byId.isPresent()) {
      Video held = byId.get();
      if (held.equals(source)) {
        return Finding.SAME;
      }
      return Finding.conflict(
          "the destination holds a different video under id \""
              + source.id()
              + "\" (path \""
              + held.path()
              + "\", updated "
              + held.updatedAt()
              + "; the source's: path \""
              + source.path()
              + "\", updated "
              + source.updatedAt()
              + ")");
    }
    if (byPath.isPresent()) {
      return Finding.conflict(
          "the destination holds video \""
              + byPath.get().id()
              + "\" at path \""
              + source.path()
              + "\", where the source holds video \""
              + source.id()
              + "\"");
    }
    return Finding.MISSING;
  }

  private static <T> T await(CompletableFuture<T> lookup) {
    try {
      return lookup.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
