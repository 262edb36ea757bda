package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeCountsTest {

  private static Video video(String id, String path) {
    return Video.builder()
        .id(id)
        .path(path)
        .filename("f")
        .frameRate(1, 1)
        .videoCodec("c")
        .timestamps(Instant.EPOCH)
        .build();
  }

  @Test
  void addsCountUpDeletesDownUpdatesNot() {
    Video a = video("a", "/a");
    Video b = video("b", "/b");
    assertEquals(0, ChangeCounts.netNewVideos(List.of()));
    assertEquals(
        1,
        ChangeCounts.netNewVideos(
            List.of(
                new VideoChangeEvent.Added(a),
                VideoChangeEvent.Updated.of(a, video("a", "/a2")),
                new VideoChangeEvent.Added(b),
                new VideoChangeEvent.Deleted(b))));
    assertEquals(
        -2,
        ChangeCounts.netNewVideos(
            List.of(new VideoChangeEvent.Deleted(a), new VideoChangeEvent.Deleted(b))));
  }
}
