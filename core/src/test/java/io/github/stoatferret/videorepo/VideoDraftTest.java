package io.github.stoatferret.videorepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A draft is a video without id and timestamps, under the same field rules. */
class VideoDraftTest {

  private static Video.Builder valid() {
    return Video.builder()
        .id("v1")
        .path("/videos/a.mp4")
        .filename("a.mp4")
        .durationFrames(2400)
        .frameRate(24000, 1001)
        .resolution(1920, 1080)
        .videoCodec("h264")
        .audioCodec(null)
        .fileSize(1234)
        .timestamps(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void aDraftAndItsIdAndTimestampsMakeTheVideoBack() {
    Video v = valid().build();
    VideoDraft draft = VideoDraft.of(v);
    assertEquals(v, draft.toVideo(v.id(), v.createdAt(), v.updatedAt()));
    assertEquals(
        draft,
        valid().id(null).createdAt(null).updatedAt(null).draft(),
        "the builder's draft needs no id or timestamps");
  }

  @Test
  void aDraftRefusesWhatAVideoRefusesNamingTheField() {
    assertEquals(
        "path",
        assertThrows(InvalidArgumentException.class, () -> valid().path(" ").draft()).parameter());
    assertEquals(
        "videoCodec",
        assertThrows(InvalidArgumentException.class, () -> valid().videoCodec(null).draft())
            .parameter());
    assertEquals(
        "frameRateDenominator",
        assertThrows(
                InvalidArgumentException.class,
                () -> new VideoDraft("/p", "f", 1, 1, 0, 1, 1, "c", null, 1, null))
            .parameter());
    VideoDraft draft = VideoDraft.of(valid().build());
    assertEquals(
        "id",
        assertThrows(
                InvalidArgumentException.class,
                () -> draft.toVideo("", Instant.EPOCH, Instant.EPOCH))
            .parameter());
  }
}
