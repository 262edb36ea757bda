package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a video that a client sends: everything but the id and the timestamps, which the
 * repository assigns ({@link VideoRepository#create}, {@link VideoRepository#update(String,
 * VideoDraft)}). A web service deserializes a request body into it and never makes up an id or a
 * {@code createdAt} it would then ignore.
 *
 * <p>Every field follows the rule of the {@link Video} field of the same name, checked here, so a
 * bad request fails when the draft is made, with an {@link InvalidArgumentException} naming the
 * field. Make one with its constructor, or with {@code Video.builder()...draft()}.
 *
 * @param path where the file lives; unique within a repository
 * @param filename the file's name, as shown to people and searched
 * @param durationFrames the length in frames
 * @param frameRateNumerator the frame rate's numerator
 * @param frameRateDenominator the frame rate's denominator
 * @param width the width in pixels
 * @param height the height in pixels
 * @param videoCodec the video codec
 * @param audioCodec the audio codec, or {@code null} when the file has no audio
 * @param fileSize the size of the file in bytes
 * @param thumbnailPath where a thumbnail lives, or {@code null}
 */
public record VideoDraft(
    String path,
    String filename,
    long durationFrames,
    int frameRateNumerator,
    int frameRateDenominator,
    int width,
    int height,
    String videoCodec,
    @Nullable String audioCodec,
    long fileSize,
    @Nullable String thumbnailPath) {

  /**
   * Validates every field.
   *
   * @param path the {@linkplain #path() path}
   * @param filename the {@linkplain #filename() filename}
   * @param durationFrames the {@linkplain #durationFrames() durationFrames}
   * @param frameRateNumerator the {@linkplain #frameRateNumerator() frameRateNumerator}
   * @param frameRateDenominator the {@linkplain #frameRateDenominator() frameRateDenominator}
   * @param width the {@linkplain #width() width}
   * @param height the {@linkplain #height() height}
   * @param videoCodec the {@linkplain #videoCodec() videoCodec}
   * @param audioCodec the {@linkplain #audioCodec() audioCodec}
   * @param fileSize the {@linkplain #fileSize() fileSize}
   * @param thumbnailPath the {@linkplain #thumbnailPath() thumbnailPath}
   * @throws InvalidArgumentException if a required field is null or a field breaks its rule
   */
  public VideoDraft {
    check(
        path,
        filename,
        durationFrames,
        frameRateNumerator,
        frameRateDenominator,
        width,
        height,
        videoCodec,
        audioCodec,
        fileSize,
        thumbnailPath);
  }

  /** The checks of every field but the id and the timestamps: one list for both records. */
  static void check(
      @Nullable String path,
      @Nullable String filename,
      long durationFrames,
      int frameRateNumerator,
      int frameRateDenominator,
      int width,
      int height,
      @Nullable String videoCodec,
      @Nullable String audioCodec,
      long fileSize,
      @Nullable String thumbnailPath) {
    FieldChecks.requiredText("path", path, Video.MAX_PATH_LENGTH);
    FieldChecks.requiredText("filename", filename, Video.MAX_FILENAME_LENGTH);
    FieldChecks.nonNegative("durationFrames", durationFrames);
    FieldChecks.positive("frameRateNumerator", frameRateNumerator);
    FieldChecks.positive("frameRateDenominator", frameRateDenominator);
    FieldChecks.nonNegative("width", width);
    FieldChecks.nonNegative("height", height);
    FieldChecks.requiredText("videoCodec", videoCodec, Video.MAX_CODEC_LENGTH);
    FieldChecks.optionalText("audioCodec", audioCodec, Video.MAX_CODEC_LENGTH);
    FieldChecks.nonNegative("fileSize", fileSize);
    FieldChecks.optionalText("thumbnailPath", thumbnailPath, Video.MAX_PATH_LENGTH);
  }

  /**
   * The fields of a video, without its id and timestamps.
   *
   * @param video the video
   * @return its draft
   */
  public static VideoDraft of(Video video) {
    return new VideoDraft(
        video.path(),
        video.filename(),
        video.durationFrames(),
        video.frameRateNumerator(),
        video.frameRateDenominator(),
        video.width(),
        video.height(),
        video.videoCodec(),
        video.audioCodec(),
        video.fileSize(),
        video.thumbnailPath());
  }

  /**
   * The video of these fields with an id and timestamps.
   *
   * @param id the id
   * @param createdAt when it was first stored
   * @param updatedAt when it was last changed
   * @return the video
   * @throws InvalidArgumentException if the id or an instant breaks its rule
   */
  public Video toVideo(String id, Instant createdAt, Instant updatedAt) {
    return new Video(
        id,
        path,
        filename,
        durationFrames,
        frameRateNumerator,
        frameRateDenominator,
        width,
        height,
        videoCodec,
        audioCodec,
        fileSize,
        thumbnailPath,
        createdAt,
        updatedAt);
  }
}
