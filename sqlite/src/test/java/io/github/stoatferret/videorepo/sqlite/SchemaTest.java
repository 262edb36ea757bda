package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned schema and the checks made when a file is opened. */
class SchemaTest {

  @TempDir
  Path dir;

  private static String script(String name) throws IOException {
    try (InputStream in = SchemaTest.class.getResourceAsStream(
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
        assertEquals(2, rs.getInt(1)); // V1 videos, V2 video_count
      }
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertEquals("wal", rs.getString(1));
      }
    }
  }

  @Test
  void aVersionOneDatabaseWrittenByTheScriptAloneOpensAndReads() throws Exception {
    // Built from the V1 script directly, as Flyway would, with a row inserted by plain SQL.
    Path file = dir.resolve("v1.db");
    String v1 = script("V1__videos.sql").replaceAll("(?m)^\\s*--.*$", "");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String stmt : v1.split(";\\s*\n")) {
        if (!stmt.isBlank()) {
          s.executeUpdate(stmt);
        }
      }
      s.executeUpdate("PRAGMA user_version = 1");
      s.executeUpdate("INSERT INTO videos VALUES ('old', '/old.mp4', 'Old.mp4', 10, 25, 1, 640,"
          + " 480, 'mpeg2', NULL, 99, NULL, 1000000, 2000000, -1000000, 'old.mp4', '/old.mp4')");
      s.executeUpdate("INSERT INTO videos_search (rowid, path_text, filename_text)"
          + " SELECT rowid, search_path, search_filename FROM videos");
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      Optional<Video> old = repo.get("old").toCompletableFuture().join();
      assertTrue(old.isPresent());
      assertEquals("mpeg2", old.get().videoCodec());
      assertEquals(1, repo.search("OLD.M").toCompletableFuture().join().size());
      repo.add(Samples.video("new")).toCompletableFuture().join();
      assertEquals(2L, repo.count().toCompletableFuture().join());
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
      one.update(Samples.video("c").toBuilder().fileSize(7).build()).toCompletableFuture()
          .join();
      assertEquals(2L, one.count().toCompletableFuture().join());
      assertEquals(2L, two.count().toCompletableFuture().join());
    }
    // What the count row says is what the table holds.
    exec(file, "CREATE TABLE checked AS SELECT (SELECT n FROM video_count) = (SELECT count(*)"
        + " FROM videos) AS same");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT same FROM checked")) {
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void aDatabaseOfANewerSchemaIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("future.db");
    SqliteVideoRepository.open(file).close();
    exec(file, "PRAGMA user_version = 99", "PRAGMA journal_mode = DELETE");
    byte[] before = Files.readAllBytes(file);
    StorageException e = assertThrows(StorageException.class,
        () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    assertFalse(e.isRetryable());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertFalse(Files.exists(dir.resolve("future.db-wal")), "no WAL was created");
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "these are my notes, not a database\n".repeat(50));
    byte[] before = Files.readAllBytes(file);
    StorageException e = assertThrows(StorageException.class,
        () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aMissingDirectoryIsRefusedNamingIt() {
    Path file = dir.resolve("no/such/dir/videos.db");
    StorageException e = assertThrows(StorageException.class,
        () -> SqliteVideoRepository.open(file));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("no")));
  }
}
