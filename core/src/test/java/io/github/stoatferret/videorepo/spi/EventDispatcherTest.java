package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

  private static VideoChangeEvent added(int i) {
    return new VideoChangeEvent.Added(
        Video.builder()
            .id("v" + i)
            .path("/" + i)
            .filename("f")
            .frameRate(1, 1)
            .videoCodec("c")
            .timestamps(Instant.EPOCH)
            .build());
  }

  @Test
  void deliversInPublishOrderAndSurvivesAThrowingListener() throws Exception {
    List<String> seen = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    EventDispatcher d =
        new EventDispatcher(
            e -> {
              seen.add(e.id()); // not synchronized: the dispatcher promises one thread at a time
              if (e.id().equals("v3")) {
                throw new IllegalStateException("listener bug");
              }
            },
            pool);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      synchronized (this) {
        d.publish(added(i));
      }
      d.deliver();
      expected.add("v" + i);
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    assertEquals(expected, seen);
  }
}
