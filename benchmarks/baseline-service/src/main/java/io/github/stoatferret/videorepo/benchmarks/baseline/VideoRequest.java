package io.github.stoatferret.videorepo.benchmarks.baseline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request body: the rules of {@code VideoDraft}, written as Bean Validation annotations. */
record VideoRequest(
    @NotBlank @Size(max = 4096) String path,
    @NotBlank @Size(max = 1024) String filename,
    @PositiveOrZero long durationFrames,
    @Positive int frameRateNumerator,
    @Positive int frameRateDenominator,
    @PositiveOrZero int width,
    @PositiveOrZero int height,
    @NotBlank @Size(max = 64) String videoCodec,
    @Size(max = 64) @Nullable String audioCodec,
    @PositiveOrZero long fileSize,
    @Size(max = 4096) @Nullable String thumbnailPath) {

  VideoRow toRow(String id, Instant createdAt, Instant updatedAt, @Nullable Long version) {
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
        version);
  }
}
