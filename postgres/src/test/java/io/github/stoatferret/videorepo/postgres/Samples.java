package io.github.stoatferret.videorepo.postgres;

import io.github.stoatferret.videorepo.Video;
import java.time.Instant;

/** Videos for the tests. */
final class Samples {

  private Samples() {}

  static Video video(String id) {
    return video(id, "/v/" + id + ".mp4", 0);
  }

  static Video video(String id, String path, long second) {
    return Video.builder()
        .id(id)
        .path(path)
        .filename(path.substring(path.lastIndexOf('/') + 1))
        .durationFrames(100)
        .frameRate(25, 1)
        .resolution(1920, 1080)
        .videoCodec("h264")
        .fileSize(1000)
        .timestamps(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(second))
        .build();
  }
}
