package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** VR-2.2 and VR-3.2: the first clash in batch order, id before path, stored or in the batch. */
class ClashesTest {

  private static Video video(String id, String path) {
    return new Video(
        id, path, "f", 0, 1, 1, 0, 0, "c", null, 0, null, Instant.EPOCH, Instant.EPOCH);
  }

  private static DuplicateVideoException first(
      List<Video> batch, Set<String> ids, Set<String> paths) {
    DuplicateVideoException clash = Clashes.first(batch, ids::contains, paths::contains);
    return clash;
  }

  @Test
  void aBatchWithoutClashesPasses() {
    assertNull(first(List.of(video("a", "/a"), video("b", "/b")), Set.of("c"), Set.of("/c")));
  }

  @Test
  void theIdIsReportedWhenBothClash() {
    DuplicateVideoException e = first(List.of(video("a", "/a")), Set.of("a"), Set.of("/a"));
    assertEquals(DuplicateVideoException.Key.ID, e.key());
    assertEquals("a", e.value());
  }

  @Test
  void theFirstClashInBatchOrderWinsOverALaterOne() {
    DuplicateVideoException e =
        first(
            List.of(video("a", "/a"), video("b", "/taken"), video("taken", "/c")),
            Set.of("taken"),
            Set.of("/taken"));
    assertEquals(DuplicateVideoException.Key.PATH, e.key(), "the second video's path comes first");
    assertEquals("/taken", e.value());
  }

  @Test
  void aClashWithinTheBatchCounts() {
    DuplicateVideoException e =
        first(List.of(video("a", "/a"), video("b", "/a")), Set.of(), Set.of());
    assertEquals(DuplicateVideoException.Key.PATH, e.key());
    e = first(List.of(video("a", "/a"), video("a", "/b")), Set.of(), Set.of());
    assertEquals(DuplicateVideoException.Key.ID, e.key());
  }

  @Test
  void lookUpsStopAtTheFirstClash() throws Exception {
    List<String> asked = new ArrayList<>();
    Clashes.<Exception>first(
        List.of(video("a", "/a"), video("b", "/b"), video("c", "/c")),
        id -> {
          asked.add(id);
          return id.equals("b");
        },
        path -> {
          asked.add(path);
          return false;
        });
    assertEquals(List.of("a", "/a", "b"), asked);
  }
}
