package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.Video;
import java.time.Instant;

/** Sample videos for this module's own tests. */
final class Samples {

  private Samples() {}

  static Video video(String id) {
    return video(id, "/videos/" + id + ".mp4", 0);
  }

  static Video video(String id, String path, long second) {
    return Video.builder()
        .id(id)
        .path(path)
        .filename(path.substring(path.lastIndexOf('/') + 1))
        .durationFrames(1440)
        .frameRate(24000, 1001)
        .resolution(1920, 1080)
        .videoCodec("h264")
        .audioCodec("aac")
        .fileSize(1_000_000)
        .timestamps(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(second))
        .build();
  }
}
