package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Rules VR-7.4 and VR-7.5: {@code searchPage}, search by keyset pages. The expected matches are
 * computed from the stored videos with {@link SearchText#matches}, the definition VR-7.1 gives.
 */
interface SearchPageRules extends RuleTests {

  /** How many videos the walks run over: enough for hundreds of pages of one. */
  int SEARCH_PAGE_VIDEOS = 300;

  /**
   * Stores {@value #SEARCH_PAGE_VIDEOS} videos in three directories, four at each instant (ties in
   * list order), and returns them in list order.
   */
  private List<Video> catalogue(Rule rule, VideoRepository repo) {
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < SEARCH_PAGE_VIDEOS; i++) {
      batch.add(
          kit()
              .video(
                  String.format("v%03d", i),
                  "/dir" + i % 3 + "/Clip" + i + ".mp4",
                  Instant.parse("2023-03-01T00:00:00Z").plusSeconds(i / 4)));
    }
    kit().ok(rule, "addAll(" + SEARCH_PAGE_VIDEOS + ")", () -> repo.addAll(batch));
    return kit().all(rule, repo);
  }

  /** Walks every page of a search, checking each page's size, and returns the items. */
  private List<Video> walk(Rule rule, VideoRepository repo, String query, int size) {
    List<Video> out = new ArrayList<>();
    String cursor = null;
    while (true) {
      String from = cursor;
      String op = "searchPage(\"" + query + "\", " + from + ", " + size + ")";
      VideoPage p = kit().ok(rule, op, () -> repo.searchPage(query, from, size));
      kit()
          .expectThat(
              rule, op, p.items().size() <= size, "at most " + size + " videos", p.items().size());
      kit()
          .expectThat(
              rule,
              op,
              p.nextCursor() == null || p.items().size() == size,
              "a full page when a next cursor is given",
              p.items().size() + " videos and a cursor");
      // Nothing is written during the walk: a cursor promised a further match.
      kit()
          .expectThat(
              rule,
              op,
              from == null || !p.items().isEmpty(),
              "a match, since the previous page gave a next cursor",
              "an empty page");
      out.addAll(p.items());
      if (p.nextCursor() == null || out.size() > SEARCH_PAGE_VIDEOS * 2) {
        return out;
      }
      cursor = p.nextCursor();
    }
  }

  /**
   * VR-7.4: the pages of a search, of any size, are exactly its matches in list order, and the last
   * page says it is the last, also when it is full.
   */
  @Test
  default void vr7_4_searchPagesConcatenateToTheMatches() {
    VideoRepository repo = kit().repository();
    List<Video> all = catalogue(Rule.VR_7_4, repo);
    for (String query : List.of("DIR1", "clip1", "", "/dir2/clip2", "zzz", "CLIP299.MP4")) {
      List<Video> matches = all.stream().filter(v -> SearchText.matches(v, query)).toList();
      for (int size : new int[] {1, 7, matches.size() == 0 ? 3 : matches.size(), 1000}) {
        kit()
            .expect(
                Rule.VR_7_4,
                "every searchPage(\"" + query + "\", cursor, " + size + ")",
                matches,
                walk(Rule.VR_7_4, repo, query, size));
      }
    }
  }

  /** VR-7.4: a page of limit 0 is empty and continues from where its cursor did. */
  @Test
  default void vr7_4_aPageOfLimitZeroContinuesFromItsCursor() {
    VideoRepository repo = kit().repository();
    List<Video> all = catalogue(Rule.VR_7_4, repo);
    List<Video> matches = all.stream().filter(v -> SearchText.matches(v, "dir0")).toList();
    VideoPage first =
        kit()
            .ok(
                Rule.VR_7_4,
                "searchPage(\"dir0\", null, 2)",
                () -> repo.searchPage("dir0", null, 2));
    String cursor = Objects.requireNonNull(first.nextCursor(), "a next cursor after 2 of 100");
    VideoPage empty =
        kit()
            .ok(
                Rule.VR_7_4,
                "searchPage(\"dir0\", cursor, 0)",
                () -> repo.searchPage("dir0", cursor, 0));
    kit()
        .expect(
            Rule.VR_7_4, "searchPage(\"dir0\", cursor, 0): the videos", List.of(), empty.items());
    String same =
        Objects.requireNonNull(
            empty.nextCursor(),
            "searchPage(\"dir0\", cursor, 0) with matches after the cursor: a next cursor");
    VideoPage next =
        kit()
            .ok(
                Rule.VR_7_4,
                "searchPage(\"dir0\", its nextCursor, 3)",
                () -> repo.searchPage("dir0", same, 3));
    kit()
        .expect(
            Rule.VR_7_4,
            "searchPage(\"dir0\", the limit-0 page's cursor, 3)",
            matches.subList(2, 5),
            next.items());
    VideoPage none =
        kit()
            .ok(Rule.VR_7_4, "searchPage(\"zzz\", null, 0)", () -> repo.searchPage("zzz", null, 0));
    kit()
        .expect(
            Rule.VR_7_4,
            "searchPage(\"zzz\", null, 0) with no match: nextCursor",
            null,
            none.nextCursor());
  }

  /** VR-7.4: queries are taken as search takes them; bad arguments and close fail as specified. */
  @Test
  @SuppressWarnings("NullAway") // passes null where it may not go, on purpose: rule VR-1.2
  default void vr7_4_searchPageTakesQueriesAndArgumentsAsSearchDoes() {
    VideoRepository repo = kit().repository();
    kit()
        .ok(
            Rule.VR_7_4,
            "addAll",
            () ->
                repo.addAll(
                    List.of(
                        kit().video("a", "/x/100%_done.mp4"),
                        kit().video("b", "/x/1000 done.mp4"))));
    List<Video> all = kit().all(Rule.VR_7_4, repo);
    for (String query :
        List.of("100%_", "%", "_", "' OR 1=1 --", "\"*\"", "a\u0000", "\uD800", "0%_D")) {
      // As VR-7.1 and VR-7.3 define the matches, and as search finds them.
      List<Video> matches = all.stream().filter(v -> SearchText.matches(v, query)).toList();
      kit()
          .expect(
              Rule.VR_7_4,
              "searchPage(\"" + query + "\", null, 10)",
              matches,
              kit().ok(Rule.VR_7_4, "searchPage", () -> repo.searchPage(query, null, 10)).items());
      kit()
          .expect(
              Rule.VR_7_4,
              "search(\"" + query + "\", 10)",
              matches,
              kit().ok(Rule.VR_7_4, "search", () -> repo.search(query, 10)));
    }
    InvalidArgumentException noQuery =
        kit()
            .fails(
                Rule.VR_7_4,
                "searchPage(null, null, 10)",
                InvalidArgumentException.class,
                () -> repo.searchPage(null, null, 10));
    kit()
        .expect(
            Rule.VR_7_4, "searchPage(null, null, 10): parameter()", "query", noQuery.parameter());
    InvalidArgumentException negative =
        kit()
            .fails(
                Rule.VR_7_4,
                "searchPage(\"x\", null, -1)",
                InvalidArgumentException.class,
                () -> repo.searchPage("x", null, -1));
    kit()
        .expect(
            Rule.VR_7_4, "searchPage(\"x\", null, -1): parameter()", "limit", negative.parameter());
    repo.close();
    kit()
        .fails(
            Rule.VR_7_4,
            "searchPage(\"x\", null, 10) after close",
            RepositoryClosedException.class,
            () -> repo.searchPage("x", null, 10));
    kit()
        .fails(
            Rule.VR_7_4,
            "searchPage(null, \"bad\", -1) after close",
            RepositoryClosedException.class,
            () -> repo.searchPage(null, "bad", -1));
  }

  /**
   * VR-7.5: a search cursor survives the deletion of its video, a change that makes it stop
   * matching, and new matches before and after it; the matches present throughout come once.
   */
  @Test
  default void vr7_5_searchCursorSurvivesDeletesChangesAndInserts() {
    VideoRepository repo = kit().repository();
    List<Video> all = catalogue(Rule.VR_7_5, repo);
    List<Video> matches = all.stream().filter(v -> SearchText.matches(v, "dir1")).toList();
    VideoPage first =
        kit()
            .ok(
                Rule.VR_7_5,
                "searchPage(\"dir1\", null, 10)",
                () -> repo.searchPage("dir1", null, 10));
    kit()
        .expect(
            Rule.VR_7_4, "searchPage(\"dir1\", null, 10)", matches.subList(0, 10), first.items());
    Video cursorVideo = first.items().get(9);
    kit().ok(Rule.VR_7_5, "delete(the cursor's video)", () -> repo.delete(cursorVideo.id()));
    Video earlier = first.items().get(3);
    kit().ok(Rule.VR_7_5, "delete(a match before the cursor)", () -> repo.delete(earlier.id()));
    kit()
        .ok(
            Rule.VR_7_5,
            "add(a newer match)",
            () -> repo.add(kit().video("new", "/dir1/new", Instant.parse("2030-01-01T00:00:00Z"))));
    VideoPage second =
        kit()
            .ok(
                Rule.VR_7_5,
                "searchPage(\"dir1\", cursor, 5)",
                () -> repo.searchPage("dir1", first.nextCursor(), 5));
    kit()
        .expect(
            Rule.VR_7_5,
            "searchPage(\"dir1\", cursor of a deleted video, 5), after a"
                + " deletion before it and a newer match",
            matches.subList(10, 15),
            second.items());
    Video stopsMatching = second.items().get(4);
    kit()
        .ok(
            Rule.VR_7_5,
            "update(the cursor's video to another directory)",
            () ->
                repo.update(
                    stopsMatching.toBuilder()
                        .path("/elsewhere/" + stopsMatching.id())
                        .filename("moved")
                        .build()));
    VideoPage third =
        kit()
            .ok(
                Rule.VR_7_5,
                "searchPage(\"dir1\", cursor, 5)",
                () -> repo.searchPage("dir1", second.nextCursor(), 5));
    kit()
        .expect(
            Rule.VR_7_5,
            "searchPage(\"dir1\", cursor of a video that stopped matching, 5)",
            matches.subList(15, 20),
            third.items());
    Map<String, Integer> seen = new HashMap<>();
    List<Video> rest = walkFrom(repo, "dir1", third.nextCursor());
    for (Video v : rest) {
      seen.merge(v.id(), 1, Integer::sum);
    }
    kit().expect(Rule.VR_7_5, "the rest of the walk", matches.subList(20, matches.size()), rest);
    kit()
        .expectThat(
            Rule.VR_7_5,
            "the rest of the walk",
            seen.values().stream().allMatch(n -> n == 1),
            "each video once",
            seen);
  }

  private List<Video> walkFrom(VideoRepository repo, String query, @Nullable String cursor) {
    List<Video> out = new ArrayList<>();
    for (String at = cursor; at != null && out.size() <= SEARCH_PAGE_VIDEOS; ) {
      String from = at;
      VideoPage p =
          kit()
              .ok(
                  Rule.VR_7_5,
                  "searchPage(\"" + query + "\", " + from + ", 7)",
                  () -> repo.searchPage(query, from, 7));
      out.addAll(p.items());
      at = p.nextCursor();
    }
    return out;
  }

  /**
   * VR-7.5: cursors this library did not make are refused; a cursor of {@code page} continues a
   * search from its position.
   */
  @Test
  default void vr7_5_searchCursorsAreCheckedAndPagePositionsShared() {
    VideoRepository repo = kit().repository();
    List<Video> all = catalogue(Rule.VR_7_5, repo);
    VideoPage listed = kit().ok(Rule.VR_7_5, "page(null, 10)", () -> repo.page(null, 10));
    String good = Objects.requireNonNull(listed.nextCursor(), "page(null, 10): nextCursor");
    List<Video> after =
        all.subList(10, all.size()).stream()
            .filter(v -> SearchText.matches(v, "DIR2"))
            .limit(5)
            .toList();
    kit()
        .expect(
            Rule.VR_7_5,
            "searchPage(\"DIR2\", a cursor of page(null, 10), 5)",
            after,
            kit().ok(Rule.VR_7_5, "searchPage", () -> repo.searchPage("DIR2", good, 5)).items());
    char flipped = good.charAt(good.length() / 2) == 'A' ? 'B' : 'A';
    for (String cursor :
        List.of(
            "",
            "not a cursor",
            good.substring(0, good.length() / 2),
            good.substring(0, good.length() / 2) + flipped + good.substring(good.length() / 2 + 1),
            good + "A",
            "\u0000")) {
      InvalidArgumentException e =
          kit()
              .fails(
                  Rule.VR_7_5,
                  "searchPage(\"dir\", \"" + cursor + "\", 10)",
                  InvalidArgumentException.class,
                  () -> repo.searchPage("dir", cursor, 10));
      kit()
          .expect(
              Rule.VR_7_5,
              "searchPage(\"dir\", \"" + cursor + "\", 10): parameter()",
              "cursor",
              e.parameter());
    }
  }
}
