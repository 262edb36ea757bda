package io.github.stoatferret.videorepo.benchmarks.baseline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code videos}; {@code version} is Spring Data's optimistic lock (null: not stored). */
@Table("videos")
record VideoRow(
    @Id String id,
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
    Instant updatedAt,
    @Version @Nullable Long version) {

  /** Spring Data sets the version of an immutable entity through this. */
  VideoRow withVersion(@Nullable Long value) {
    return new VideoRow(
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
        updatedAt,
        value);
  }

  /** The JSON of a video: the fields of videorepo's {@code Video}, without the version. */
  record Json(
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
      Instant updatedAt) {}

  Json json() {
    return new Json(
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

  long storedVersion() {
    if (version == null) {
      throw new IllegalStateException("row " + id + " has no version");
    }
    return version;
  }
}
