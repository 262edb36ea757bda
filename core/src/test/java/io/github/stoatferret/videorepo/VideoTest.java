package io.github.stoatferret.videorepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class VideoTest {

  static Video.Builder valid() {
    return Video.builder()
        .id("v1")
        .path("/videos/a.mp4")
        .filename("a.mp4")
        .durationFrames(2400)
        .frameRate(24000, 1001)
        .resolution(1920, 1080)
        .videoCodec("h264")
        .audioCodec("aac")
        .fileSize(1234)
        .timestamps(Instant.parse("2024-01-01T00:00:00Z"));
  }

  private static void rejects(String field, String valueShown, UnaryOperator<Video.Builder> b) {
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> b.apply(valid()).build());
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    assertTrue(e.getMessage().contains(valueShown), e.getMessage());
    assertEquals(field, e.parameter());
    assertTrue(e.getMessage().contains(e.value()), e.value() + " in " + e.getMessage());
  }

  @Test
  void rejectsBadValuesNamingFieldAndValue() {
    rejects("id", "\"  \"", b -> b.id("  "));
    rejects("id", "129", b -> b.id("x".repeat(129)));
    rejects("path", "\"\"", b -> b.path(""));
    rejects("filename", "NUL", b -> b.filename("a\u0000b"));
    rejects("videoCodec", "unpaired surrogate", b -> b.videoCodec("h\uD800"));
    rejects("audioCodec", "unpaired surrogate", b -> b.audioCodec("\uDC00"));
    rejects("thumbnailPath", "blank", b -> b.thumbnailPath(" "));
    rejects("durationFrames", "-1", b -> b.durationFrames(-1));
    rejects("fileSize", "-5", b -> b.fileSize(-5));
    rejects("width", "-2", b -> b.resolution(-2, 1));
    rejects("height", "-3", b -> b.resolution(1, -3));
    rejects("frameRateNumerator", "0", b -> b.frameRate(0, 1));
    rejects("frameRateDenominator", "-1", b -> b.frameRate(1, -1));
    rejects("createdAt", "-0001", b -> b.createdAt(Instant.parse("-0001-01-01T00:00:00Z")));
    rejects("updatedAt", "+10000", b -> b.updatedAt(Instant.parse("+10000-01-01T00:00:00Z")));
  }

  @Test
  void missingRequiredFieldsNameTheField() {
    InvalidArgumentException e =
        assertThrows(InvalidArgumentException.class, () -> valid().videoCodec(null).build());
    assertEquals("videoCodec must not be null", e.getMessage());
    assertEquals("videoCodec", e.parameter());
    assertEquals("null", e.value());
    assertEquals(
        "createdAt",
        assertThrows(InvalidArgumentException.class, () -> valid().createdAt(null).build())
            .parameter());
    assertEquals(
        "id",
        assertThrows(
                InvalidArgumentException.class,
                () ->
                    new Video(
                        null,
                        "/p",
                        "f",
                        0,
                        1,
                        1,
                        0,
                        0,
                        "c",
                        null,
                        0,
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH))
            .parameter(),
        "the record's own constructor, without the builder");
  }

  @Test
  void acceptsTheEdgesOfEveryRange() {
    Video v =
        valid()
            .id("x".repeat(Video.MAX_ID_LENGTH))
            .durationFrames(Long.MAX_VALUE)
            .fileSize(0)
            .resolution(0, Integer.MAX_VALUE)
            .frameRate(Integer.MAX_VALUE, 1)
            .audioCodec(null)
            .thumbnailPath(null)
            .filename(" spaced ")
            .createdAt(Instant.parse("0001-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("9999-12-31T23:59:59.999999999Z"))
            .build();
    assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"), v.updatedAt());
    assertEquals(" spaced ", v.filename());
  }

  @Test
  void instantsAreTruncatedToMicroseconds() {
    Video v =
        valid()
            .createdAt(Instant.parse("2024-01-01T00:00:00.123456789Z"))
            .updatedAt(Instant.parse("1960-01-01T00:00:00.000000999Z"))
            .build();
    assertEquals(Instant.parse("2024-01-01T00:00:00.123456Z"), v.createdAt());
    assertEquals(Instant.parse("1960-01-01T00:00:00Z"), v.updatedAt());
  }

  @Test
  void derivedValuesAndCopies() {
    Video v = valid().build();
    assertEquals(23.976, v.frameRate(), 0.001);
    assertEquals(2400 * 1001 / 24000.0, v.durationSeconds(), 1e-9);
    Video big = valid().durationFrames(Long.MAX_VALUE).frameRate(1, Integer.MAX_VALUE).build();
    assertTrue(big.durationSeconds() > 0, "no overflow");
    assertEquals(v, v.toBuilder().build());
    assertNotEquals(v, v.toBuilder().fileSize(1).build());
    assertNotEquals(Video.newId(), Video.newId());
    assertEquals(36, Video.newId().length());
  }

  @Test
  void changedFieldsNameEveryDifference() {
    Video a = valid().build();
    Video b = a.toBuilder().path("/x").audioCodec(null).updatedAt(Instant.EPOCH).build();
    assertEquals(
        java.util.List.of("path", "audioCodec", "updatedAt"),
        VideoChangeEvent.Updated.of(a, b).changedFields());
    assertEquals(java.util.List.of(), VideoChangeEvent.Updated.of(a, a).changedFields());
  }
}
