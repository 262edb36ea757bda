package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void roundTripsAnyPosition() {
    for (PageCursor c :
        List.of(
            PageCursor.START,
            new PageCursor(0, "a"),
            new PageCursor(-62135596800000000L, "😀 é"),
            new PageCursor(253402300799999999L, "x"))) {
      assertEquals(c, PageCursor.decode(c.encode()));
    }
    assertEquals(PageCursor.START, PageCursor.decode(null));
  }

  @Test
  void refusesEverythingElseNamingTheCursor() {
    String good = new PageCursor(123, "abc").encode();
    for (String bad :
        List.of(
            "",
            "x",
            "!!!",
            good.substring(1),
            good + "A",
            good.replace('A', 'B').equals(good)
                ? good.replace('B', 'C')
                : good.replace('A', 'B'))) {
      InvalidArgumentException e =
          assertThrows(InvalidArgumentException.class, () -> PageCursor.decode(bad));
      assertTrue(e.getMessage().startsWith("cursor \""), e.getMessage());
      assertEquals("cursor", e.parameter());
    }
  }

  @Test
  void ordersLikeTheList() {
    PageCursor newer = new PageCursor(10, "b");
    PageCursor older = new PageCursor(5, "a");
    PageCursor tieA = new PageCursor(10, "a");
    assertTrue(PageCursor.ORDER.compare(PageCursor.START, newer) < 0);
    assertTrue(PageCursor.ORDER.compare(newer, older) < 0);
    assertTrue(PageCursor.ORDER.compare(tieA, newer) < 0);
    assertFalse(newer.isStart());
    assertEquals(Instant.EPOCH.plusNanos(10_000), newer.createdAt());
  }
}
