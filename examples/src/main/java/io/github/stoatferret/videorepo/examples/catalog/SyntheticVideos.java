package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.Video;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** Realistic made-up metadata: a home and work video library spread over a few years. */
final class SyntheticVideos {

  private static final String[] EVENTS = {
    "holiday",
    "birthday",
    "wedding",
    "hike",
    "concert",
    "interview",
    "timelapse",
    "drone",
    "school-play",
    "conference",
    "garden",
    "road-trip"
  };
  private static final String[] PLACES = {
    "Lisbon",
    "Kyoto",
    "Zürich",
    "Oslo",
    "Cape Town",
    "Montréal",
    "Reykjavík",
    "São Paulo",
    "Berlin",
    "Hanoi",
    "Köln",
    "Ålesund"
  };
  private static final String[] CODECS = {
    "h264", "h264", "h264", "hevc", "hevc", "av1", "prores", "vp9"
  };
  private static final String[] AUDIO = {"aac", "aac", "aac", "opus", "pcm_s16le", "ac3"};
  private static final int[][] RATES = {
    {24000, 1001}, {24, 1}, {25, 1}, {30000, 1001}, {30, 1}, {50, 1}, {60000, 1001}, {60, 1}
  };
  private static final int[][] SIZES = {
    {3840, 2160}, {1920, 1080}, {1920, 1080}, {1280, 720}, {720, 576}, {2704, 1520}, {1080, 1920}
  };
  private static final Instant START = Instant.parse("2019-01-01T00:00:00Z");

  private final SplittableRandom random;

  SyntheticVideos(long seed) {
    this.random = new SplittableRandom(seed);
  }

  Video next(long n) {
    Instant created =
        START
            .plusSeconds(random.nextLong(Duration.ofDays(6 * 365).toSeconds()))
            .plusNanos(random.nextInt(1_000_000) * 1000L);
    String year = String.valueOf(created.toString().substring(0, 4));
    String event = pick(EVENTS);
    String place = pick(PLACES);
    int[] rate = RATES[random.nextInt(RATES.length)];
    int[] size = SIZES[random.nextInt(SIZES.length)];
    String codec = pick(CODECS);
    long seconds = 3 + random.nextLong(1800);
    long frames = seconds * rate[0] / rate[1];
    long bitsPerSecond = (long) size[0] * size[1] * (codec.equals("prores") ? 40 : 4);
    String ext = codec.equals("prores") ? "mov" : codec.equals("vp9") ? "webm" : "mp4";
    String filename = event + " " + place + " " + String.format("%05d", n) + "." + ext;
    String path =
        "/media/videos/"
            + year
            + "/"
            + created.toString().substring(5, 7)
            + "/"
            + event
            + "/"
            + filename;
    return Video.builder()
        .id(Video.newId())
        .path(path)
        .filename(filename)
        .durationFrames(frames)
        .frameRate(rate[0], rate[1])
        .resolution(size[0], size[1])
        .videoCodec(codec)
        .audioCodec(random.nextInt(10) == 0 ? null : pick(AUDIO))
        .fileSize(bitsPerSecond * seconds / 8)
        .thumbnailPath(random.nextInt(3) == 0 ? null : "/media/thumbs/" + n + ".jpg")
        .createdAt(created)
        .updatedAt(created.plusSeconds(random.nextInt(86_400)))
        .build();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
