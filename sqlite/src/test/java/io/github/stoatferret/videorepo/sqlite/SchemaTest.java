package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned schema and the checks made when a file is opened. */
class SchemaTest {

  @TempDir Path dir;

  private static String script(String name) throws IOException {
    try (InputStream in =
        SchemaTest.class.getResourceAsStream(
            "/io/github/stoatferret/videorepo/sqlite/migrations/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void exec(Path file, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.executeUpdate(q);
      }
    }
  }

  @Test
  void aNewFileGetsTheLatestSchemaInWalMode() throws Exception {
    Path file = dir.resolve("new.db");
    SqliteVideoRepository.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        // V1 videos, V2 video_count, V3 list_slot, V4 strict, V5 versions, V6 change_log
        assertEquals(6, rs.getInt(1));
      }
      assertEquals(
          List.of("1"), ids(s, "SELECT strict FROM pragma_table_list" + " WHERE name = 'videos'"));
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertEquals("wal", rs.getString(1));
      }
    }
  }

  @Test
  void aVersionOneDatabaseWrittenByTheScriptAloneOpensAndReads() throws Exception {
    // Built from the V1 script directly, as Flyway would, with a row inserted by plain SQL.
    Path file = dir.resolve("v1.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      runScript(s, "V1__videos.sql");
      s.executeUpdate("PRAGMA user_version = 1");
      s.executeUpdate(
          "INSERT INTO videos VALUES ('old', '/old.mp4', 'Old.mp4', 10, 25, 1, 640,"
              + " 480, 'mpeg2', NULL, 99, NULL, 1000000, 2000000, -1000000, 'old.mp4', '/old.mp4')");
      s.executeUpdate(
          "INSERT INTO videos_search (rowid, path_text, filename_text)"
              + " SELECT rowid, search_path, search_filename FROM videos");
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      Optional<Video> old = repo.get("old").toCompletableFuture().join();
      assertTrue(old.isPresent());
      assertEquals("mpeg2", old.get().videoCodec());
      // A row older than versions (V5) is at the first version, and conditional writes work.
      assertEquals(
          Optional.of(new VersionedVideo(old.get(), 1)),
          repo.getVersioned("old").toCompletableFuture().join());
      Video bigger = old.get().toBuilder().fileSize(100).build();
      assertEquals(
          new VersionedVideo(bigger, 2), repo.update(bigger, 1).toCompletableFuture().join());
      assertEquals(1, repo.search("OLD.M").toCompletableFuture().join().size());
      repo.add(Samples.video("new")).toCompletableFuture().join();
      assertEquals(2L, repo.count().toCompletableFuture().join());
      // The change log (V6) starts empty: the first change after the upgrade is position 1.
      assertEquals(
          List.of(
              new ChangeFeedEvent(
                  new ChangePosition(1), VideoChangeEvent.Updated.of(old.get(), bigger)),
              new ChangeFeedEvent(
                  new ChangePosition(2), new VideoChangeEvent.Added(Samples.video("new")))),
          FeedCollector.first(repo.changesAfter(ChangePosition.START), 2, Duration.ofSeconds(10)));
    }
  }

  private static void runScript(Statement s, String name) throws Exception {
    for (String stmt : script(name).replaceAll("(?m)^\\s*--.*$", "").split(";\\s*\n")) {
      if (!stmt.isBlank()) {
        s.executeUpdate(stmt);
      }
    }
  }

  private static List<String> ids(Statement s, String sql) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void aVersionTwoDatabaseMovesToListSlotsAndSearchesAlike() throws Exception {
    // 70,000 rows by plain SQL: 66,000 at one instant (more than a bucket's 65,536 slots, so
    // the migration spills some), the rest a second apart, before and after 1970.
    Path file = dir.resolve("v2.db");
    String matches =
        " WHERE instr(search_filename, 'sunset') > 0 OR instr(search_path, 'sunset')"
            + " > 0 ORDER BY list_key, id LIMIT 100";
    List<String> before;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      runScript(s, "V1__videos.sql");
      s.executeUpdate(
          "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n"
              + " WHERE i < 69999), r AS (SELECT i, CASE WHEN i < 66000 THEN 1700000000000000"
              + " ELSE (i - 68000) * 1000000 END AS at, CASE WHEN i % 7 = 0 THEN 'sunset'"
              + " ELSE 'meadow' END AS word FROM n)"
              + " INSERT INTO videos SELECT printf('v%05d', 69999 - i), '/lib/' || word || '/' || i"
              + " || '.mp4', i || '.mp4', 10, 25, 1, 640, 480, 'h264', NULL, 99, NULL, at, at, -at,"
              + " i || '.mp4', '/lib/' || word || '/' || i || '.mp4' FROM r");
      s.executeUpdate(
          "INSERT INTO videos_search (rowid, path_text, filename_text)"
              + " SELECT rowid, search_path, '' FROM videos");
      runScript(s, "V2__video_count.sql");
      s.executeUpdate("PRAGMA user_version = 2");
      before = ids(s, "SELECT id FROM videos" + matches);
    }
    assertEquals(100, before.size());
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      assertEquals(70_000L, repo.count().toCompletableFuture().join());
      assertEquals(
          before,
          repo.search("SUNSET", 100).toCompletableFuture().join().stream().map(Video::id).toList());
      repo.add(Samples.video("new")).toCompletableFuture().join();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(
          List.of("464"), ids(s, "SELECT count(*) FROM videos WHERE list_slot < " + -(1L << 62)));
      assertEquals(
          List.of("0"),
          ids(
              s,
              "SELECT count(*) FROM videos WHERE list_slot >= "
                  + -(1L << 62)
                  + " AND list_slot >> 16 != created_at_us >> 12"));
      assertEquals(before, ids(s, "SELECT id FROM videos" + matches));
    }
  }

  @Test
  void aVersionThreeDatabaseHoldingAValueOfTheWrongTypeIsNamedAndUpgradedOnceRepaired()
      throws Exception {
    // A V3 file (its table not STRICT) where another program stored text in an integer column.
    Path file = dir.resolve("v3.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String script : List.of("V1__videos.sql", "V2__video_count.sql", "V3__list_slot.sql")) {
        runScript(s, script);
      }
      s.executeUpdate("PRAGMA user_version = 3");
      for (String[] row :
          new String[][] {{"good", "640", "1000000"}, {"bad", "'wide'", "2000000"}}) {
        long at = Long.parseLong(row[2]);
        s.executeUpdate(
            "INSERT INTO videos VALUES ("
                + ((at >> 12) << 16)
                + ", '"
                + row[0]
                + "', '/v/"
                + row[0]
                + ".mp4', '"
                + row[0]
                + ".mp4', 10, 25, 1, "
                + row[1]
                + ", 480,"
                + " 'h264', NULL, 99, NULL, "
                + at
                + ", "
                + at
                + ", "
                + -at
                + ", '"
                + row[0]
                + ".mp4', '/v/"
                + row[0]
                + ".mp4')");
      }
      s.executeUpdate(
          "INSERT INTO videos_search (rowid, path_text, filename_text)"
              + " SELECT ~list_slot, search_path, '' FROM videos");
      s.executeUpdate("UPDATE video_count SET n = 2");
    }
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    for (String part :
        List.of(
            file.toString(),
            "version 4",
            "\"bad\"",
            "column width",
            "holds text, not an integer",
            "not changed")) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertFalse(e.isRetryable());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(List.of("3"), ids(s, "PRAGMA user_version"));
      s.executeUpdate("UPDATE videos SET width = 640 WHERE id = 'bad'"); // the repair named
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      assertEquals(640, repo.get("bad").toCompletableFuture().join().orElseThrow().width());
      assertEquals(
          List.of("bad", "good"),
          repo.search("/V/", 10).toCompletableFuture().join().stream().map(Video::id).toList());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertEquals(List.of("6"), ids(s, "PRAGMA user_version"));
      assertEquals(
          List.of("1"), ids(s, "SELECT strict FROM pragma_table_list" + " WHERE name = 'videos'"));
    }
  }

  @Test
  void theStoredCountFollowsEveryWriteAndEveryProcess() throws Exception {
    Path file = dir.resolve("counted.db");
    try (SqliteVideoRepository one = SqliteVideoRepository.open(file);
        SqliteVideoRepository two = SqliteVideoRepository.open(file)) {
      one.addAll(List.of(Samples.video("a"), Samples.video("b"))).toCompletableFuture().join();
      two.add(Samples.video("c")).toCompletableFuture().join();
      one.add(Samples.video("a")).exceptionally(clash -> null).toCompletableFuture().join();
      two.delete("b").toCompletableFuture().join();
      two.delete("absent").toCompletableFuture().join();
      one.update(Samples.video("c").toBuilder().fileSize(7).build()).toCompletableFuture().join();
      assertEquals(2L, one.count().toCompletableFuture().join());
      assertEquals(2L, two.count().toCompletableFuture().join());
    }
    // What the count row says is what the table holds.
    exec(
        file,
        "CREATE TABLE checked AS SELECT (SELECT n FROM video_count) = (SELECT count(*)"
            + " FROM videos) AS same");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT same FROM checked")) {
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void aDatabaseOfANewerSchemaIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("future.db");
    SqliteVideoRepository.open(file).close();
    exec(file, "PRAGMA user_version = 99", "PRAGMA journal_mode = DELETE");
    assertRefusedUntouched(file, "newer version");
    assertFalse(Files.exists(dir.resolve("future.db-wal")), "no WAL was created");
  }

  @Test
  void aDatabaseWhoseTextIsNotUtf8IsRefusedUntouched() throws Exception {
    Path file = dir.resolve("utf16.db");
    exec(file, "PRAGMA encoding = 'UTF-16le'", "CREATE TABLE notes (text TEXT)");
    assertRefusedUntouched(file, "UTF-16le");
  }

  /** Opening fails, not retryable, naming the file and the reason, and the file is unchanged. */
  private static void assertRefusedUntouched(Path file, String reason) throws Exception {
    byte[] before = Files.readAllBytes(file);
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertFalse(e.isRetryable());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "these are my notes, not a database\n".repeat(50));
    byte[] before = Files.readAllBytes(file);
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aMissingDirectoryIsRefusedNamingIt() {
    Path file = dir.resolve("no/such/dir/videos.db");
    StorageException e =
        assertThrows(StorageException.class, () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("no")));
  }
}
