package io.github.stoatferret.videorepo.internal;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.Stages;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The default updates from a draft ({@link VideoRepository#update(String, VideoDraft)} and its
 * conditional form): they make the video from the id, the fields and the clock, then hand it to the
 * backend's own update, so that every rule of that update applies unchanged.
 */
public final class DraftWrites {

  private DraftWrites() {}

  /**
   * Makes the video and writes it, reporting every problem through the stage (VR-1.1).
   *
   * @param <T> what the write completes with
   * @param repository the repository, for its clock and for the checks that must fail first
   * @param id the id of the video to change
   * @param draft the new fields
   * @param write the backend's update of a whole video
   * @return the write's stage
   */
  @SuppressWarnings({"unchecked", "NullAway"}) // nulls go on to calls that report them (VR-1.2)
  public static <T> CompletionStage<T> update(
      VideoRepository repository,
      @Nullable String id,
      @Nullable VideoDraft draft,
      Function<Video, CompletionStage<T>> write) {
    if (id == null) {
      // get(null) always fails, closed first (VR-1.4): its stage never yields the Optional that
      // the cast hides.
      return (CompletionStage<T>) (CompletionStage<?>) repository.get(null);
    }
    if (draft == null) {
      return write.apply(null);
    }
    Instant now = repository.clock().instant();
    Video video;
    try {
      // An update keeps the stored createdAt whatever it is given: now is only a valid
      // placeholder.
      video = draft.toVideo(id, now, now);
    } catch (InvalidArgumentException e) {
      // No stored video can have an id that breaks the id rule, so it is not found; a clock
      // outside years 1-9999 is reported as it is. Either way after get(id), so that a closed
      // repository still says so first.
      Throwable failure = "id".equals(e.parameter()) ? new VideoNotFoundException(id) : e;
      return Stages.readOnly(
          repository
              .get(id)
              .toCompletableFuture()
              .thenCompose(ignored -> Stages.<T>failed(failure)));
    }
    return write.apply(video);
  }
}
