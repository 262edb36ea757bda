package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules VR-7.*: {@code search}. */
interface SearchRules extends RuleTests {

  /** VR-7.1: case folding as {@link SearchText#fold} defines it, beyond ASCII. */
  @Test
  default void vr7_1_caseFoldingCoversUnicode() {
    VideoRepository repo = kit().repository();
    Video strasse = kit().video("1", "/de/Straße.mkv");
    Video umlaut = kit().video("2", "/de/ÄRGER.mkv");
    Video istanbul = kit().video("3", "/tr/İstanbul.mkv");
    Video greek = kit().video("4", "/gr/ΟΔΟΣ.mkv");
    Video emoji = kit().video("5", "/fun/Party😀Time.mkv");
    Video decomposed = kit().video("6", "/fr/Cafe\u0301.mkv");
    Video deseret = kit().video("7", "/ds/\uD801\uDC00x.mkv");
    // Capital sharp s folds to "ß", which folds again to "ss": folding must reach a fixed point.
    Video capitalSharpS = kit().video("8", "/de/GRO\u1E9E.mkv");
    kit()
        .ok(
            Rule.VR_7_1,
            "addAll",
            () ->
                repo.addAll(
                    List.of(
                        strasse,
                        umlaut,
                        istanbul,
                        greek,
                        emoji,
                        decomposed,
                        deseret,
                        capitalSharpS)));
    check(repo, "STRASSE", List.of(strasse));
    check(repo, "straße", List.of(strasse));
    check(repo, "ärger", List.of(umlaut));
    check(repo, "Ä", List.of(umlaut));
    check(repo, "istanbul", List.of(istanbul));
    check(repo, "ISTANBUL", List.of(istanbul));
    check(repo, "οδος", List.of(greek));
    check(repo, "ΟΔΟς", List.of(greek));
    check(repo, "party😀time", List.of(emoji));
    check(repo, "café", List.of(decomposed));
    check(repo, "\uD801\uDC28X", List.of(deseret));
    check(repo, "😀", List.of(emoji));
    check(repo, "gross", List.of(capitalSharpS));
    check(repo, "GROß", List.of(capitalSharpS));
  }

  /** VR-7.1: the file name or the path may match; results in list order, limited. */
  @Test
  default void vr7_1_matchesFilenameOrPathInListOrder() {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(kit().video("v" + i, "/holiday/" + (i % 2 == 0 ? "beach" : "city") + i + ".mp4"));
    }
    Video byName =
        Video.builder()
            .id("n")
            .path("/x/1.mp4")
            .filename("Beach party.mp4")
            .frameRate(25, 1)
            .videoCodec("h264")
            .timestamps(batch.get(0).createdAt())
            .build();
    batch.add(byName);
    kit().ok(Rule.VR_7_1, "addAll", () -> repo.addAll(batch));
    List<Video> beaches =
        kit().all(Rule.VR_7_1).stream().filter(v -> SearchText.matches(v, "BEACH")).toList();
    kit().expect(Rule.VR_7_1, "beach matches", 7, beaches.size());
    check(repo, "BEACH", beaches);
    kit()
        .expect(
            Rule.VR_7_1,
            "search(\"BEACH\", 3)",
            beaches.subList(0, 3),
            kit().ok(Rule.VR_7_1, "search(\"BEACH\", 3)", () -> repo.search("BEACH", 3)));
    kit()
        .expect(
            Rule.VR_7_1,
            "search(\"BEACH\")",
            beaches,
            kit().ok(Rule.VR_7_1, "search(\"BEACH\")", () -> repo.search("BEACH")));
  }

  /**
   * VR-7.1: a match in the directory part of the path alone counts, and so does one in a file name
   * that is not the path's last segment.
   */
  @Test
  default void vr7_1_theDirectoryAloneOrTheFileNameAloneMayMatch() {
    VideoRepository repo = kit().repository();
    Video inDirectory = kit().video("dir", "/Holidays/Beach/0001.mp4");
    Video inName =
        kit().video("name", "/camera/clip-7.mp4").toBuilder().filename("Beach party.mp4").build();
    Video inBoth = kit().video("both", "/beach/beach.mp4");
    Video inNeither =
        kit().video("neither", "/city/night.mp4").toBuilder().filename("Lights.mp4").build();
    kit()
        .ok(
            Rule.VR_7_1,
            "addAll",
            () -> repo.addAll(List.of(inDirectory, inName, inBoth, inNeither)));
    check(repo, "BEACH", List.of(inBoth, inName, inDirectory));
    check(repo, "holidays/", List.of(inDirectory));
    check(repo, "camera", List.of(inName));
    check(repo, "party", List.of(inName));
    check(repo, "lights", List.of(inNeither));
    check(repo, "night.mp4", List.of(inNeither));
  }

  /**
   * VR-7.1: for random directories, file names and queries the backend agrees with {@link
   * SearchText}. File names are drawn apart from the paths, and half the queries are cut from one
   * of the two, so that path-only and name-only matches are common.
   */
  @Test
  default void vr7_1_searchAgreesWithTheFoldingFunction() {
    Gen<List<String>> names = Gen.lists(VideoGens.text(40), 8);
    Gen<List<String>> directories = Gen.lists(VideoGens.text(20), 8);
    Gen<String> randomQueries = Gen.oneOf(VideoGens.anyString(), VideoGens.text(6));
    Property.forAll(
            c -> {
              List<String> filenames = names.generate(c);
              List<String> dirs = directories.generate(c);
              List<String> sources = new ArrayList<>(filenames);
              sources.addAll(dirs);
              String query = randomQueries.generate(c);
              if (!sources.isEmpty() && Gen.booleans().generate(c)) {
                String from = sources.get((int) c.choose(sources.size() - 1));
                int start = (int) c.choose(from.length());
                int end = start + (int) c.choose(from.length() - start);
                query = safeCut(from, start, end);
              }
              return new Object[] {filenames, dirs, query};
            })
        .named("VR-7.1 search agrees with SearchText.fold")
        .triesDividedBy(4)
        .check(
            drawn -> {
              @SuppressWarnings("unchecked")
              List<String> filenames = (List<String>) drawn[0];
              @SuppressWarnings("unchecked")
              List<String> dirs = (List<String>) drawn[1];
              String query = (String) drawn[2];
              try (VideoRepository repo = kit().freshRepository()) {
                List<Video> batch = new ArrayList<>();
                for (int i = 0; i < filenames.size(); i++) {
                  String dir = dirs.isEmpty() ? "p" : dirs.get(i % dirs.size());
                  batch.add(
                      kit().video("v" + i, "/" + dir + "/" + i).toBuilder()
                          .filename(filenames.get(i))
                          .build());
                }
                kit().ok(Rule.VR_7_1, "addAll", () -> repo.addAll(batch));
                List<Video> expected = new ArrayList<>();
                for (int i = batch.size() - 1; i >= 0; i--) {
                  if (SearchText.matches(batch.get(i), query)) {
                    expected.add(batch.get(i));
                  }
                }
                kit()
                    .expect(
                        Rule.VR_7_1,
                        "search("
                            + quote(query)
                            + ", 100) over file names "
                            + filenames
                            + " in directories "
                            + dirs,
                        expected,
                        kit().ok(Rule.VR_7_1, "search", () -> repo.search(query, 100)));
              }
            });
  }

  /** A substring that does not split a surrogate pair (a split one would match nothing). */
  private static String safeCut(String s, int start, int end) {
    int from =
        start > 0 && start < s.length() && Character.isLowSurrogate(s.charAt(start))
            ? start - 1
            : start;
    int to = end > 0 && end < s.length() && Character.isLowSurrogate(s.charAt(end)) ? end + 1 : end;
    return s.substring(from, Math.max(from, to));
  }

  /** VR-7.2 */
  @Test
  default void vr7_2_emptyQueryMatchesEverything() {
    VideoRepository repo = kit().repository();
    kit()
        .ok(
            Rule.VR_7_2,
            "addAll",
            () -> repo.addAll(List.of(kit().video("a"), kit().video("b"), kit().video("c"))));
    check(repo, "", kit().all(Rule.VR_7_2));
  }

  /** VR-7.3: SQL, LIKE, GLOB and FTS syntax is literal text. */
  @Test
  default void vr7_3_hostileQueriesAreTakenLiterally() {
    VideoRepository repo = kit().repository();
    List<String> names =
        List.of(
            "100% real.mp4",
            "a_b.mp4",
            "ab.mp4",
            "star*.mp4",
            "it's.mp4",
            "say \"hi\".mp4",
            "back\\slash.mp4",
            "x OR y.mp4",
            "[brackets].mp4",
            "caret^.mp4",
            "col:on.mp4",
            "NEAR(a b).mp4",
            "minus-sign.mp4",
            "plain.mp4");
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      batch.add(kit().video("v" + i, "/h/" + i).toBuilder().filename(names.get(i)).build());
    }
    kit().ok(Rule.VR_7_3, "addAll", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_7_3);
    List<String> queries =
        List.of(
            "%",
            "_",
            "*",
            "'",
            "\"",
            "\\",
            "OR",
            "x OR y",
            "[",
            "]",
            "^",
            ":",
            "(",
            "NEAR(a b)",
            "-",
            "a_b",
            "a%",
            "' OR '1'='1",
            "\"hi\"",
            "%%",
            "**",
            "col:on",
            "a b",
            "\\s",
            "?",
            "'; DROP TABLE videos; --",
            "AND",
            "NOT",
            "{",
            "\u0001");
    for (String q : queries) {
      check(Rule.VR_7_3, repo, q, all.stream().filter(v -> SearchText.matches(v, q)).toList());
    }
  }

  /** VR-7.3: a query with NUL or an unpaired surrogate matches nothing, and does not fail. */
  @Test
  default void vr7_3_unmatchableQueriesMatchNothing() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_7_3, "add", () -> repo.add(kit().video("a", "/x/😀.mp4")));
    for (String q : List.of("\u0000", "a\u0000", "\uD83D", "\uDE00", "x\uD83D")) {
      check(Rule.VR_7_3, repo, q, List.of());
    }
  }

  private void check(VideoRepository repo, String query, List<Video> expected) {
    check(query.isEmpty() ? Rule.VR_7_2 : Rule.VR_7_1, repo, query, expected);
  }

  private void check(Rule rule, VideoRepository repo, String query, List<Video> expected) {
    String op = "search(" + quote(query) + ", 100)";
    kit().expect(rule, op, expected, kit().ok(Rule.VR_7_3, op, () -> repo.search(query, 100)));
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    int max = Math.min(s.length(), 40);
    for (int i = 0; i < max; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : c);
    }
    return out.append(s.length() > max ? "...\"" : "\"").toString();
  }
}
