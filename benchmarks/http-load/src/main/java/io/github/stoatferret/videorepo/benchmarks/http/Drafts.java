package io.github.stoatferret.videorepo.benchmarks.http;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies: videos with unique paths whose file names are made of a small vocabulary, so a
 * search for one word matches about one in 25 of them (two words of 50 in each name).
 */
final class Drafts {

  /** The words file names are made of; a search asks for one. */
  static final List<String> WORDS =
      List.of(
          "otter", "harbour", "lantern", "meadow", "glacier", "cobalt", "saffron", "quarry",
          "falcon", "ember", "willow", "tundra", "basalt", "orchid", "monsoon", "juniper", "canyon",
          "harvest", "beacon", "lagoon", "thistle", "granite", "plume", "mosaic", "cinder",
          "aurora", "bramble", "delta", "fjord", "hollow", "isthmus", "kestrel", "lichen", "marble",
          "nectar", "oasis", "pebble", "quill", "raven", "sable", "tide", "umber", "vellum",
          "walrus", "yarrow", "zephyr", "acorn", "bluff", "crag", "dune");

  private final AtomicLong next = new AtomicLong();
  private final String run;

  Drafts(String run) {
    this.run = run;
  }

  static String word() {
    return WORDS.get(ThreadLocalRandom.current().nextInt(WORDS.size()));
  }

  /** A new video's JSON, with a path no other call returns. */
  String next() {
    long n = next.incrementAndGet();
    String name = word() + "-" + word() + "-" + n;
    return "{\"path\":\"/library/"
        + run
        + "/"
        + name
        + ".mp4\",\"filename\":\""
        + name
        + ".mp4\",\"durationFrames\":"
        + (1000 + n % 100_000)
        + ",\"frameRateNumerator\":25,\"frameRateDenominator\":1,\"width\":1920,\"height\":1080,"
        + "\"videoCodec\":\"h264\",\"audioCodec\":\"aac\",\"fileSize\":"
        + (1_000_000 + n)
        + "}";
  }

  /** A JSON array of {@code count} new videos, for the import endpoint. */
  String batch(int count) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append(next());
    }
    return json.append(']').toString();
  }
}
