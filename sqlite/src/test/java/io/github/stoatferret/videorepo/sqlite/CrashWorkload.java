package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.Video;
import java.time.Instant;
import java.util.Optional;

/**
 * The deterministic workload of {@link CrashSafetyTest}: each lane owns one id and applies
 * operation 0, 1, 2, ... to it in order, so the state after any acknowledged operation is known.
 * Every seventh operation deletes the video; the others add it (when absent) or update it.
 */
final class CrashWorkload {

  private CrashWorkload() {}

  static String id(int lane) {
    return "lane-" + lane;
  }

  /** Whether operation {@code k} of a lane is a delete. */
  static boolean isDelete(long k) {
    return k % 7 == 6;
  }

  /** The video that operation {@code k} writes (for an add or update). */
  static Video written(int lane, long k) {
    return Samples.video(id(lane), "/lane-" + lane + "/v" + (k % 3) + ".mp4", k).toBuilder()
        .fileSize(k)
        .updatedAt(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(k))
        .build();
  }

  /** The stored state after operations {@code 0..k-1} (so {@code state(lane, 0)} is empty). */
  static Optional<Video> state(int lane, long k) {
    Optional<Video> s = Optional.empty();
    for (long i = 0; i < k; i++) {
      if (isDelete(i)) {
        s = Optional.empty();
      } else if (s.isEmpty()) {
        s = Optional.of(written(lane, i));
      } else {
        s = Optional.of(written(lane, i).toBuilder().createdAt(s.get().createdAt()).build());
      }
    }
    return s;
  }
}
