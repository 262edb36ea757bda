package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one video file: an immutable value.
 *
 * <p>The constructor validates every field and throws {@link InvalidArgumentException} for a
 * missing required field or a bad value, naming the field ({@link
 * InvalidArgumentException#parameter()}) and the value ({@link InvalidArgumentException#value()}).
 * The rules:
 *
 * <table class="striped">
 *   <caption>Field rules</caption>
 *   <thead><tr><th>field</th><th>rule</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code id}</td><td>text, at most {@value #MAX_ID_LENGTH} characters</td></tr>
 *     <tr><td>{@code path}, {@code thumbnailPath}</td>
 *         <td>text, at most {@value #MAX_PATH_LENGTH} characters; {@code thumbnailPath} may be
 *             null</td></tr>
 *     <tr><td>{@code filename}</td><td>text, at most {@value #MAX_FILENAME_LENGTH} characters</td></tr>
 *     <tr><td>{@code videoCodec}, {@code audioCodec}</td>
 *         <td>text, at most {@value #MAX_CODEC_LENGTH} characters; {@code audioCodec} may be
 *             null (a silent video)</td></tr>
 *     <tr><td>{@code durationFrames}, {@code fileSize}, {@code width}, {@code height}</td>
 *         <td>zero or more</td></tr>
 *     <tr><td>{@code frameRateNumerator}, {@code frameRateDenominator}</td>
 *         <td>one or more</td></tr>
 *     <tr><td>{@code createdAt}, {@code updatedAt}</td>
 *         <td>in years 0001 to 9999; truncated to microseconds</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>"Text" means: not blank (not empty, not only white space), no NUL character and no unpaired
 * surrogate, so that every value can be stored as UTF-8 and read back exactly. Lengths are counted
 * as {@link String#length()} does, in UTF-16 code units. White space around a value is kept as it
 * is: file names may really start or end with a space.
 *
 * <p>Instants are truncated (towards the past) to microsecond precision, so that a video read back
 * from any backend {@linkplain #equals(Object) equals} the one that was stored.
 *
 * @param id the unique key, chosen by the caller; {@link #newId()} makes a random one
 * @param path where the file lives; unique within a repository
 * @param filename the file's name, as shown to people and searched
 * @param durationFrames the length in frames
 * @param frameRateNumerator the frame rate's numerator, e.g. 24000 for 23.976 fps
 * @param frameRateDenominator the frame rate's denominator, e.g. 1001 for 23.976 fps
 * @param width the width in pixels
 * @param height the height in pixels
 * @param videoCodec the video codec, e.g. {@code h264}
 * @param audioCodec the audio codec, or {@code null} when the file has no audio
 * @param fileSize the size of the file in bytes
 * @param thumbnailPath where a thumbnail lives, or {@code null}
 * @param createdAt when the video was first stored; an update keeps the stored value
 * @param updatedAt when the video was last changed; the caller owns this clock
 */
public record Video(
    String id,
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
    @Nullable String thumbnailPath,
    Instant createdAt,
    Instant updatedAt) {

  /** The longest {@code id}, in UTF-16 code units. */
  public static final int MAX_ID_LENGTH = 128;

  /** The longest {@code path} or {@code thumbnailPath}, in UTF-16 code units. */
  public static final int MAX_PATH_LENGTH = 4096;

  /** The longest {@code filename}, in UTF-16 code units. */
  public static final int MAX_FILENAME_LENGTH = 1024;

  /** The longest {@code videoCodec} or {@code audioCodec}, in UTF-16 code units. */
  public static final int MAX_CODEC_LENGTH = 64;

  /**
   * Validates every field and truncates the instants to microseconds.
   *
   * @param id the {@linkplain #id() id}
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
   * @param createdAt the {@linkplain #createdAt() createdAt}
   * @param updatedAt the {@linkplain #updatedAt() updatedAt}
   * @throws InvalidArgumentException if a required field is null or a field breaks its rule
   */
  public Video {
    FieldChecks.requiredText("id", id, MAX_ID_LENGTH);
    VideoDraft.check(
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
    createdAt = FieldChecks.instant("createdAt", createdAt);
    updatedAt = FieldChecks.instant("updatedAt", updatedAt);
  }

  /**
   * Makes a new random id: a version 4 UUID in its usual text form.
   *
   * @return the id
   */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Starts a builder with no field set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this video's fields, to make a changed copy.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The frame rate in frames per second.
   *
   * @return {@code frameRateNumerator / frameRateDenominator}
   */
  public double frameRate() {
    return (double) frameRateNumerator / frameRateDenominator;
  }

  /**
   * The length in seconds.
   *
   * @return {@code durationFrames / frameRate()}, computed without overflow
   */
  public double durationSeconds() {
    return (double) durationFrames * frameRateDenominator / frameRateNumerator;
  }

  /** Collects fields for a {@link Video}; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String path;
    private @Nullable String filename;
    private long durationFrames;
    private int frameRateNumerator;
    private int frameRateDenominator;
    private int width;
    private int height;
    private @Nullable String videoCodec;
    private @Nullable String audioCodec;
    private long fileSize;
    private @Nullable String thumbnailPath;
    private @Nullable Instant createdAt;
    private @Nullable Instant updatedAt;

    private Builder() {}

    private Builder(Video v) {
      id = v.id;
      path = v.path;
      filename = v.filename;
      durationFrames = v.durationFrames;
      frameRateNumerator = v.frameRateNumerator;
      frameRateDenominator = v.frameRateDenominator;
      width = v.width;
      height = v.height;
      videoCodec = v.videoCodec;
      audioCodec = v.audioCodec;
      fileSize = v.fileSize;
      thumbnailPath = v.thumbnailPath;
      createdAt = v.createdAt;
      updatedAt = v.updatedAt;
    }

    /**
     * Sets the id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /**
     * Sets the path.
     *
     * @param value the path
     * @return this builder
     */
    public Builder path(String value) {
      path = value;
      return this;
    }

    /**
     * Sets the file name.
     *
     * @param value the file name
     * @return this builder
     */
    public Builder filename(String value) {
      filename = value;
      return this;
    }

    /**
     * Sets the length in frames.
     *
     * @param value the number of frames
     * @return this builder
     */
    public Builder durationFrames(long value) {
      durationFrames = value;
      return this;
    }

    /**
     * Sets the frame rate as a fraction, e.g. {@code frameRate(30000, 1001)}.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @return this builder
     */
    public Builder frameRate(int numerator, int denominator) {
      frameRateNumerator = numerator;
      frameRateDenominator = denominator;
      return this;
    }

    /**
     * Sets the size in pixels.
     *
     * @param w the width
     * @param h the height
     * @return this builder
     */
    public Builder resolution(int w, int h) {
      width = w;
      height = h;
      return this;
    }

    /**
     * Sets the video codec.
     *
     * @param value the codec
     * @return this builder
     */
    public Builder videoCodec(String value) {
      videoCodec = value;
      return this;
    }

    /**
     * Sets the audio codec.
     *
     * @param value the codec, or {@code null} for none
     * @return this builder
     */
    public Builder audioCodec(@Nullable String value) {
      audioCodec = value;
      return this;
    }

    /**
     * Sets the file size.
     *
     * @param value the size in bytes
     * @return this builder
     */
    public Builder fileSize(long value) {
      fileSize = value;
      return this;
    }

    /**
     * Sets the thumbnail path.
     *
     * @param value the path, or {@code null} for none
     * @return this builder
     */
    public Builder thumbnailPath(@Nullable String value) {
      thumbnailPath = value;
      return this;
    }

    /**
     * Sets when the video was first stored.
     *
     * @param value the instant
     * @return this builder
     */
    public Builder createdAt(Instant value) {
      createdAt = value;
      return this;
    }

    /**
     * Sets when the video was last changed.
     *
     * @param value the instant
     * @return this builder
     */
    public Builder updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    /**
     * Sets both {@code createdAt} and {@code updatedAt}, as for a video stored for the first time.
     *
     * @param value the instant
     * @return this builder
     */
    public Builder timestamps(Instant value) {
      createdAt = value;
      updatedAt = value;
      return this;
    }

    /**
     * Validates the fields a client sends and makes a {@link VideoDraft} of them: everything but
     * the id and the timestamps, which {@link VideoRepository#create} and {@link
     * VideoRepository#update(String, VideoDraft)} assign. An id or timestamps set here are ignored.
     *
     * @return the draft
     * @throws InvalidArgumentException if a required field was not set or a field breaks its rule
     *     (see {@link Video})
     */
    public VideoDraft draft() {
      return new VideoDraft(
          FieldChecks.required("path", path),
          FieldChecks.required("filename", filename),
          durationFrames,
          frameRateNumerator,
          frameRateDenominator,
          width,
          height,
          FieldChecks.required("videoCodec", videoCodec),
          audioCodec,
          fileSize,
          thumbnailPath);
    }

    /**
     * Validates the fields and makes the video.
     *
     * @return the video
     * @throws InvalidArgumentException if a required field was not set or a field breaks its rule
     *     (see {@link Video})
     */
    public Video build() {
      return new Video(
          FieldChecks.required("id", id),
          FieldChecks.required("path", path),
          FieldChecks.required("filename", filename),
          durationFrames,
          frameRateNumerator,
          frameRateDenominator,
          width,
          height,
          FieldChecks.required("videoCodec", videoCodec),
          audioCodec,
          fileSize,
          thumbnailPath,
          FieldChecks.required("createdAt", createdAt),
          FieldChecks.required("updatedAt", updatedAt));
    }
  }
}
