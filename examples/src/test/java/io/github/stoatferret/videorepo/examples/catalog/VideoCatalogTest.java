package io.github.stoatferret.videorepo.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool end to end, in process: commands, outputs and exit codes. */
class VideoCatalogTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private String db;

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--db";
    all[1] = db != null ? db : dir.resolve("videos.db").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = VideoCatalog.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void generateImportQueryExportRoundTrip() throws Exception {
    roundTrip();
  }

  @Test
  void everyCommandWorksOnPostgresql() throws Exception {
    db = PostgresServer.newDatabaseUrl();
    roundTrip();
  }

  private void roundTrip() throws Exception {
    Path jsonl = dir.resolve("videos.jsonl");
    assertEquals(0, run("generate", "500", "--out", jsonl.toString()).exit());
    assertEquals(500, Files.readAllLines(jsonl).size());
    Run imported = run("import", jsonl.toString(), "--chunk", "64");
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.out().contains("imported 500 videos, skipped 0"), imported.out());

    Run listed = run("list", "--limit", "5", "--json");
    JsonNode list = VideoJson.MAPPER.readTree(listed.out());
    assertEquals(5, list.size());
    String id = list.get(0).get("id").asText();
    String path = list.get(0).get("path").asText();

    assertEquals(0, run("show", id).exit());
    Run byPath = run("show", path, "--json");
    assertEquals(id, VideoJson.MAPPER.readTree(byPath.out()).get("id").asText());

    Run found = run("search", "HOLIDAY", "--json", "--limit", "1000");
    for (JsonNode v : VideoJson.MAPPER.readTree(found.out())) {
      assertTrue((v.get("filename").asText() + v.get("path").asText()).contains("holiday"));
    }

    Run stats = run("stats", "--json");
    assertEquals(500, VideoJson.MAPPER.readTree(stats.out()).get("count").asInt());

    assertEquals(0, run("delete", id).exit());
    assertEquals(VideoCatalog.NOT_FOUND, run("delete", id).exit());
    assertEquals(VideoCatalog.NOT_FOUND, run("show", id).exit());

    Path exported = dir.resolve("export.jsonl");
    Run export = run("export", "--out", exported.toString());
    assertEquals(0, export.exit());
    List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
    assertEquals(499, lines.size());
    // Export is in list order: newest first.
    String first = VideoJson.MAPPER.readTree(lines.get(0)).get("createdAt").asText();
    String last = VideoJson.MAPPER.readTree(lines.get(498)).get("createdAt").asText();
    assertTrue(first.compareTo(last) >= 0);
  }

  @Test
  void badRecordsAreReportedByLineAndSkippedWhole() throws Exception {
    Path jsonl = dir.resolve("mixed.jsonl");
    run("generate", "3", "--out", jsonl.toString());
    List<String> good = Files.readAllLines(jsonl);
    String dupId = good.get(0); // line 5 repeats line 1's id and path
    Files.write(
        jsonl,
        List.of(
            good.get(0),
            "{not json",
            good.get(1),
            good.get(2).replace("\"width\":", "\"width\":-").replace("\"width\":--", "\"width\":-"),
            dupId),
        StandardCharsets.UTF_8);
    Run r = run("import", jsonl.toString());
    assertEquals(VideoCatalog.PARTIAL, r.exit());
    assertTrue(r.err().contains("mixed.jsonl:2: skipped: not valid JSON"), r.err());
    assertTrue(r.err().contains("mixed.jsonl:4: skipped: width must not be negative"), r.err());
    assertTrue(r.err().contains("mixed.jsonl:5: skipped: a video with id"), r.err());
    assertTrue(r.out().contains("imported 2 videos, skipped 3"), r.out());
  }

  @Test
  void anImportLeavesTheSearchIndexInOnePiece() throws Exception {
    Path jsonl = dir.resolve("many.jsonl");
    assertEquals(0, run("generate", "500", "--out", jsonl.toString()).exit());
    // 50 commits, each adding a piece to the index; the tool exits without ever being idle.
    Run imported = run("import", jsonl.toString(), "--chunk", "10");
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.err().contains("merging the search index of"), imported.err());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("videos.db"));
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      long before = totalChanges(s);
      // What a full merge would still change, rolled back: at most the index's structure row.
      s.executeUpdate("INSERT INTO videos_search (videos_search, rank) VALUES ('merge', -100000)");
      long left = totalChanges(s) - before;
      s.execute("ROLLBACK");
      assertTrue(
          left < 2, "the import left the index in pieces: a merge would change " + left + " rows");
    }
  }

  private static long totalChanges(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT total_changes()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void csvImport() throws Exception {
    Path csv = dir.resolve("videos.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "id,path,filename,durationFrames,frameRateNumerator,frameRateDenominator,width,height,"
                + "videoCodec,audioCodec,fileSize,thumbnailPath,createdAt,updatedAt",
            "a,/v/a.mp4,\"Beach, sunset.mp4\",240,24000,1001,1920,1080,h264,aac,1000,,"
                + "2024-01-01T00:00:00Z,2024-01-01T00:00:00Z",
            "b,/v/b.mp4,\"say \"\"hi\"\".mp4\",240,25,1,1280,720,hevc,,2000,/t/b.jpg,"
                + "2024-01-02T00:00:00Z,2024-01-02T00:00:00Z",
            "c,/v/c.mp4,c.mp4,lots,25,1,1280,720,hevc,,2000,,"
                + "2024-01-02T00:00:00Z,2024-01-02T00:00:00Z"),
        StandardCharsets.UTF_8);
    Run r = run("import", csv.toString());
    assertEquals(VideoCatalog.PARTIAL, r.exit(), r.err());
    assertTrue(
        r.err().contains("videos.csv:4: skipped: durationFrames must be a whole number"), r.err());
    Run show = run("show", "b", "--json");
    JsonNode b = VideoJson.MAPPER.readTree(show.out());
    assertEquals("say \"hi\".mp4", b.get("filename").asText());
    assertTrue(b.get("audioCodec").isNull());
    assertEquals(1, VideoJson.MAPPER.readTree(run("search", "SUNSET", "--json").out()).size());
  }

  @Test
  void usageErrorsAndStorageErrorsHaveTheirExitCodes() throws Exception {
    assertEquals(2, run("list", "--limit", "many").exit());
    assertEquals(2, run("frobnicate").exit());
    Path notADb = dir.resolve("notes.txt");
    Files.writeString(notADb, "not a database".repeat(20));
    StringWriter err = new StringWriter();
    int exit =
        VideoCatalog.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute("--db", notADb.toString(), "list");
    assertEquals(1, exit);
    assertTrue(err.toString().contains("not a SQLite database"), err.toString());

    db = "jdbc:mysql://localhost/videos";
    Run other = run("list");
    assertEquals(1, other.exit());
    assertTrue(other.err().contains("jdbc:mysql://localhost/videos is not supported"), other.err());
  }

  @Test
  void everyCommandAnswersHelpWithoutItsRequiredArguments() {
    for (String command :
        List.of(
            "generate", "import", "list", "search", "show", "delete", "stats", "export", "copy")) {
      Run help = run(command, "--help");
      assertEquals(0, help.exit(), command + " --help: " + help.err());
      assertTrue(help.out().startsWith("Usage: video-catalog " + command), help.out());
    }
    assertEquals(0, run("--help").exit());
  }

  @Test
  void aPasswordInTheUrlIsNeverPrinted() {
    assertEquals(
        "jdbc:postgresql://h/db?user=me&password=***&ssl=true",
        OpenCatalog.withoutPassword("jdbc:postgresql://h/db?user=me&password=s3cret&ssl=true"));
    assertEquals(
        "jdbc:postgresql://h/db?Password=***",
        OpenCatalog.withoutPassword("jdbc:postgresql://h/db?Password=x"));
  }
}
