package io.github.stoatferret.videorepo.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.Video;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copy} end to end, between SQLite files and PostgreSQL databases. */
class CopyCommandTest {

  private static final int LARGE = 100_000;

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run copy(String from, String to, String... more) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("copy", "--from", from, "--to", to));
    args.addAll(List.of(more));
    int exit =
        VideoCatalog.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static OpenCatalog open(String db) {
    return OpenCatalog.open(db, Map.of());
  }

  /** Fills a catalogue with synthetic videos; returns them. */
  private static List<Video> fill(String db, int count, long seed) {
    SyntheticVideos synthetic = new SyntheticVideos(seed);
    List<Video> all = new ArrayList<>(count);
    try (OpenCatalog c = open(db)) {
      for (int from = 0; from < count; from += 1000) {
        List<Video> chunk = new ArrayList<>();
        for (int n = from; n < Math.min(count, from + 1000); n++) {
          chunk.add(synthetic.next(n));
        }
        c.repo().addAll(chunk);
        all.addAll(chunk);
      }
    }
    return all;
  }

  private static List<Video> everything(String db) {
    try (OpenCatalog c = open(db);
        Stream<Video> videos = c.repo().stream()) {
      return videos.toList();
    }
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void copiesOneHundredThousandVideosToPostgresqlAndBack() {
    String sqlite = file("source.db");
    String postgres = PostgresServer.newDatabaseUrl();
    String back = file("back.db");
    fill(sqlite, LARGE, 1);
    List<Video> original = everything(sqlite);

    Run there = copy(sqlite, postgres);
    assertEquals(0, there.exit(), there.err());
    assertTrue(there.out().contains("copied 100000 videos (0 already there)"), there.out());
    assertTrue(
        there
            .out()
            .contains(
                "verified: the source holds 100000 videos, the destination"
                    + " 100000 (0 before the copy); 1000 sampled videos are identical"),
        there.out());
    assertTrue(there.out().contains("?user=postgres"), "the URL is named: " + there.out());

    Run andBack = copy(postgres, back);
    assertEquals(0, andBack.exit(), andBack.err());
    assertTrue(andBack.out().contains("copied 100000 videos (0 already there)"), andBack.out());

    // Every field of every video, in list order, on both sides of both copies.
    assertEquals(original, everything(postgres));
    assertEquals(original, everything(back));
  }

  @Test
  void aRerunResumesWhereAnInterruptedCopyStopped() {
    String sqlite = file("source.db");
    String postgres = PostgresServer.newDatabaseUrl();
    List<Video> videos = fill(sqlite, 5_000, 2);
    // An interrupted copy: some whole chunks and a part of one are there, in stream order.
    try (OpenCatalog c = open(postgres)) {
      List<Video> inListOrder = everything(sqlite);
      c.repo().addAll(inListOrder.subList(0, 2_345));
    }
    Run resumed = copy(sqlite, postgres, "--chunk", "500");
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.out().contains("copied 2655 videos (2345 already there)"), resumed.out());
    assertEquals(everything(sqlite), everything(postgres));
    assertEquals(videos.size(), everything(postgres).size());

    Run again = copy(sqlite, postgres);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("copied 0 videos (5000 already there)"), again.out());
  }

  @Test
  void aDifferentVideoUnderTheSameIdIsRefusedBeforeAnythingIsWritten() {
    String postgres = PostgresServer.newDatabaseUrl();
    String sqlite = file("destination.db");
    List<Video> videos = fill(postgres, 3_000, 3);
    Video victim = videos.get(2_500);
    Video changed =
        victim.toBuilder()
            .path("/elsewhere/" + victim.filename())
            .updatedAt(Instant.parse("2030-01-01T00:00:00Z"))
            .build();
    try (OpenCatalog c = open(sqlite)) {
      c.repo().add(changed);
    }
    Run refused = copy(postgres, sqlite);
    assertEquals(VideoCatalog.REFUSED, refused.exit(), refused.out() + refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "copy refused: the destination holds a different video"
                    + " under id \""
                    + victim.id()
                    + "\" (path \"/elsewhere/"),
        refused.err());
    assertTrue(refused.err().contains("nothing was copied"), refused.err());
    assertEquals(List.of(changed), everything(sqlite));
  }

  @Test
  void anotherVideoAtTheSamePathIsRefusedNamingBoth() {
    String sqlite = file("source.db");
    String postgres = PostgresServer.newDatabaseUrl();
    List<Video> videos = fill(sqlite, 1_200, 4);
    Video squatter = videos.get(7).toBuilder().id("squatter").build();
    try (OpenCatalog c = open(postgres)) {
      c.repo().add(squatter);
    }
    Run refused = copy(sqlite, postgres);
    assertEquals(VideoCatalog.REFUSED, refused.exit(), refused.out() + refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "the destination holds video \"squatter\" at path \""
                    + videos.get(7).path()
                    + "\", where the source holds video \""
                    + videos.get(7).id()
                    + "\""),
        refused.err());
    try (OpenCatalog c = open(postgres)) {
      BlockingVideoRepository repo = c.repo();
      assertEquals(1, repo.count());
    }
  }

  @Test
  void wrongUsageIsRefused() {
    String same = file("same.db");
    Run itself = copy(same, same);
    assertEquals(2, itself.exit());
    assertTrue(itself.err().contains("--from and --to name the same catalogue"), itself.err());
    assertEquals(2, copy(file("a.db"), file("b.db"), "--chunk", "0").exit());
  }
}
