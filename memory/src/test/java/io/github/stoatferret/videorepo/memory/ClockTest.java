package io.github.stoatferret.videorepo.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoDraft;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A test's own clock stamps what create and update(id, fields) make. */
class ClockTest {

  @Test
  void createAndUpdateFromFieldsUseTheGivenClock() {
    Instant first = Instant.parse("2025-02-03T04:05:06.123456Z");
    Instant second = Instant.parse("2025-02-04T00:00:00Z");
    Clock[] clock = {Clock.fixed(first, ZoneOffset.UTC)};
    Clock switching =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock[0].instant();
          }
        };
    BlockingVideoRepository repo =
        InMemoryVideoRepository.create(VideoChangeListener.NONE, switching).blocking();
    VideoDraft fields =
        new VideoDraft("/a.mp4", "a.mp4", 10, 25, 1, 640, 480, "h264", null, 5, null);
    Video created = repo.create(fields);
    assertEquals(first, created.createdAt());
    assertEquals(first, created.updatedAt());
    clock[0] = Clock.fixed(second, ZoneOffset.UTC);
    Video updated =
        repo.update(
            created.id(),
            new VideoDraft("/b.mp4", "b.mp4", 10, 25, 1, 640, 480, "h264", null, 6, null));
    assertEquals(first, updated.createdAt());
    assertEquals(second, updated.updatedAt());
    assertEquals("/b.mp4", repo.get(created.id()).orElseThrow().path());
  }
}
