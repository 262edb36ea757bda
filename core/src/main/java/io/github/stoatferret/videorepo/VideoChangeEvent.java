package io.github.stoatferret.videorepo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A committed change, as given to a {@link VideoChangeListener} and, with its position, by the
 * change feed ({@link ChangeFeedEvent}).
 *
 * <p>Sealed, with {@link Kind} mirroring it: what can happen to a video is a closed list, so a
 * consumer may switch over it exhaustively. A new kind of change would be a breaking change
 * (docs/compatibility.md).
 */
public sealed interface VideoChangeEvent {

  /** What happened, for a {@code switch} in Java 17 code (rule VR-17.1). */
  enum Kind {
    /** {@link Added}. */
    ADDED,
    /** {@link Updated}. */
    UPDATED,
    /** {@link Deleted}. */
    DELETED
  }

  /**
   * What kind of change it is.
   *
   * @return {@link Kind#ADDED} for {@link Added}, and so on
   */
  Kind kind();

  /**
   * The id of the video that changed.
   *
   * @return the id
   */
  String id();

  /**
   * A video was added, by {@code add} or as one of an {@code addAll} batch (one event per video, in
   * batch order).
   *
   * @param video the video as stored
   */
  record Added(Video video) implements VideoChangeEvent {
    /**
     * Checks the video is present.
     *
     * @param video the {@linkplain #video() video}
     */
    public Added {
      Objects.requireNonNull(video, "video");
    }

    @Override
    public Kind kind() {
      return Kind.ADDED;
    }

    @Override
    public String id() {
      return video.id();
    }
  }

  /**
   * A video was updated.
   *
   * @param before the video as stored before the update
   * @param after the video as stored after it
   * @param changedFields the names of the record components that differ, in declaration order;
   *     empty when the update stored an identical video
   */
  record Updated(Video before, Video after, List<String> changedFields)
      implements VideoChangeEvent {
    /**
     * Checks that both images are of one video, and copies the field names.
     *
     * @param before the {@linkplain #before() before}
     * @param after the {@linkplain #after() after}
     * @param changedFields the {@linkplain #changedFields() changedFields}
     */
    public Updated {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      if (!before.id().equals(after.id())) {
        throw new IllegalArgumentException(
            "before and after must share an id: " + before.id() + " vs " + after.id());
      }
      changedFields = List.copyOf(changedFields);
    }

    /**
     * Makes the event, computing the changed fields.
     *
     * @param before the video before the update
     * @param after the video after it
     * @return the event
     */
    public static Updated of(Video before, Video after) {
      return new Updated(before, after, VideoChangeEvent.changedFields(before, after));
    }

    @Override
    public Kind kind() {
      return Kind.UPDATED;
    }

    @Override
    public String id() {
      return after.id();
    }
  }

  /**
   * A video was deleted.
   *
   * @param video the video as it was stored until the delete
   */
  record Deleted(Video video) implements VideoChangeEvent {
    /**
     * Checks the video is present.
     *
     * @param video the {@linkplain #video() video}
     */
    public Deleted {
      Objects.requireNonNull(video, "video");
    }

    @Override
    public Kind kind() {
      return Kind.DELETED;
    }

    @Override
    public String id() {
      return video.id();
    }
  }

  /**
   * Names the record components in which two videos differ, in declaration order.
   *
   * @param a one video
   * @param b another
   * @return the names, e.g. {@code [path, updatedAt]}
   */
  static List<String> changedFields(Video a, Video b) {
    List<String> out = new ArrayList<>();
    diff(out, "id", a.id(), b.id());
    diff(out, "path", a.path(), b.path());
    diff(out, "filename", a.filename(), b.filename());
    diff(out, "durationFrames", a.durationFrames(), b.durationFrames());
    diff(out, "frameRateNumerator", a.frameRateNumerator(), b.frameRateNumerator());
    diff(out, "frameRateDenominator", a.frameRateDenominator(), b.frameRateDenominator());
    diff(out, "width", a.width(), b.width());
    diff(out, "height", a.height(), b.height());
    diff(out, "videoCodec", a.videoCodec(), b.videoCodec());
    diff(out, "audioCodec", a.audioCodec(), b.audioCodec());
    diff(out, "fileSize", a.fileSize(), b.fileSize());
    diff(out, "thumbnailPath", a.thumbnailPath(), b.thumbnailPath());
    diff(out, "createdAt", a.createdAt(), b.createdAt());
    diff(out, "updatedAt", a.updatedAt(), b.updatedAt());
    return List.copyOf(out);
  }

  private static void diff(List<String> out, String name, @Nullable Object a, @Nullable Object b) {
    if (!Objects.equals(a, b)) {
      out.add(name);
    }
  }
}
