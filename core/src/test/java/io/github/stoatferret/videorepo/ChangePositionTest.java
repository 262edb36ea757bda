package io.github.stoatferret.videorepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A position is text and back (an SSE id), ordered, and refuses what is no position. */
class ChangePositionTest {

  @Test
  void printsAndParsesBack() {
    for (long v : new long[] {0, 1, 4711, Long.MAX_VALUE}) {
      ChangePosition p = new ChangePosition(v);
      assertEquals(p, ChangePosition.parse(p.toString()));
    }
    assertEquals("4711", new ChangePosition(4711).toString());
  }

  @Test
  void ordersByValue() {
    assertTrue(new ChangePosition(2).isAfter(new ChangePosition(1)));
    assertTrue(new ChangePosition(1).compareTo(new ChangePosition(2)) < 0);
    assertEquals(ChangePosition.START, new ChangePosition(0));
  }

  @Test
  void refusesNegativeAndMalformedText() {
    assertEquals(
        "position",
        assertThrows(InvalidArgumentException.class, () -> new ChangePosition(-1)).parameter());
    for (String bad : new String[] {"", "-1", "+1", "1.0", " 1", "abc", "99999999999999999999"}) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> ChangePosition.parse(bad), bad);
      assertEquals("position", e.parameter());
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
    assertEquals(
        "null",
        assertThrows(InvalidArgumentException.class, () -> ChangePosition.parse(null)).value());
  }

  @Test
  void feedEventsTellTheirKind() {
    Video v =
        Video.builder()
            .id("a")
            .path("/a")
            .filename("a.mp4")
            .frameRate(25, 1)
            .videoCodec("h264")
            .timestamps(java.time.Instant.EPOCH)
            .build();
    ChangeFeedEvent e = new ChangeFeedEvent(new ChangePosition(1), new VideoChangeEvent.Added(v));
    assertEquals(VideoChangeEvent.Kind.ADDED, e.kind());
    assertEquals("a", e.id());
    assertEquals(VideoChangeEvent.Kind.UPDATED, VideoChangeEvent.Updated.of(v, v).kind());
    assertEquals(VideoChangeEvent.Kind.DELETED, new VideoChangeEvent.Deleted(v).kind());
  }
}
