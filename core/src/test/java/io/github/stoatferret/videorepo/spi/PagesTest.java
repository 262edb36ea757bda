package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nextCursor rule of VR-6.2 and VR-7.4, as Pages.after cuts pages. */
class PagesTest {

  /** Ten videos in list order: newest first, v0 the newest. */
  private static final List<Video> ALL = videos();

  private static List<Video> videos() {
    List<Video> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(
          Video.builder()
              .id("v" + i)
              .path("/v/" + i)
              .filename(i % 2 == 0 ? "even" : "odd")
              .frameRate(25, 1)
              .resolution(1, 1)
              .videoCodec("h264")
              .timestamps(Instant.parse("2024-01-01T00:00:00Z").minusSeconds(i))
              .build());
    }
    return List.copyOf(out);
  }

  @Test
  void aFullLastPageHasNoNextCursor() {
    VideoPage first = Pages.after(PageCursor.START, ALL, 5, v -> true);
    assertEquals(ALL.subList(0, 5), first.items());
    VideoPage second = Pages.after(PageCursor.decode(first.nextCursor()), ALL, 5, v -> true);
    assertEquals(ALL.subList(5, 10), second.items());
    assertNull(second.nextCursor());
  }

  @Test
  void theFilterDecidesWhatCountsAndWhetherAnotherFollows() {
    VideoPage evens = Pages.after(PageCursor.START, ALL, 4, v -> v.filename().equals("even"));
    assertEquals(List.of(ALL.get(0), ALL.get(2), ALL.get(4), ALL.get(6)), evens.items());
    VideoPage rest =
        Pages.after(
            PageCursor.decode(evens.nextCursor()), ALL, 4, v -> v.filename().equals("even"));
    assertEquals(List.of(ALL.get(8)), rest.items());
    assertNull(rest.nextCursor());
    VideoPage lastEven =
        Pages.after(PageCursor.at(ALL.get(6)), ALL, 1, v -> v.filename().equals("even"));
    assertEquals(List.of(ALL.get(8)), lastEven.items());
    assertNull(lastEven.nextCursor(), "v9 follows v8 but does not count");
  }

  @Test
  void limitZeroContinuesFromItsPositionOrSaysTheEnd() {
    PageCursor at = PageCursor.at(ALL.get(2));
    VideoPage none = Pages.after(at, ALL, 0, v -> true);
    assertEquals(List.of(), none.items());
    assertEquals(at.encode(), none.nextCursor());
    assertNull(Pages.after(PageCursor.at(ALL.get(9)), ALL, 0, v -> true).nextCursor());
  }

  @Test
  void videosAtOrBeforeThePositionAreSkippedAndANegativeLimitIsRefused() {
    assertEquals(
        ALL.subList(3, 6), Pages.after(PageCursor.at(ALL.get(2)), ALL, 3, v -> true).items());
    InvalidArgumentException e =
        assertThrows(
            InvalidArgumentException.class,
            () -> Pages.after(PageCursor.START, ALL, -1, v -> true));
    assertEquals("limit", e.parameter());
  }
}
