package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A row that another program altered so that it no longer holds a valid video is a storage fault
 * (VR-1.8): every read that reaches it fails with a non-retryable {@link StorageException} naming
 * the video's id and the column, never with an {@code InvalidArgumentException}, and never by
 * reading back as some other value. Repairing the column makes the row readable again.
 */
class DamagedRowTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "created_at_us          | 253402300800000000 | createdAt must lie in years",
        "frame_rate_denominator | 0                  | frameRateDenominator must be positive",
        "height                 | 4294967296         | beyond the range of an int",
        "video_codec            | ' '                | videoCodec must not be blank"
      })
  void aDamagedRowFailsEveryReadThatReachesItNamingIdAndColumn(
      String column, String value, String why) throws Exception {
    Path file = dir.resolve("damaged.db");
    try (VideoRepository repo = SqliteVideoRepository.open(file)) {
      repo.add(Samples.video("good", "/v/good.mp4", 1)).toCompletableFuture().join();
      repo.add(Samples.video("bad", "/v/bad.mp4", 2)).toCompletableFuture().join();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE videos SET " + column + " = " + value + " WHERE id = 'bad'");
    }
    try (VideoRepository repo = SqliteVideoRepository.open(file)) {
      List<Function<VideoRepository, CompletionStage<?>>> reads =
          List.of(
              r -> r.get("bad"),
              r -> r.list(10, 0),
              r -> r.page(null, 10),
              r -> r.search("", 10),
              r -> r.delete("bad"));
      for (Function<VideoRepository, CompletionStage<?>> read : reads) {
        StorageException e = storageFailure(read.apply(repo));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("\"bad\""), e.getMessage());
        assertTrue(e.getMessage().contains("column " + column), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
      }
      // The rest of the catalogue is still served.
      assertEquals("good", repo.get("good").toCompletableFuture().join().orElseThrow().id());
      assertEquals(2L, repo.count().toCompletableFuture().join());
    }
    // The repair the message points to: put a valid value back into the named column.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      String repaired =
          column.equals("path")
              ? "'/v/bad.mp4'"
              : "(SELECT " + column + " FROM videos WHERE id = 'good')";
      s.executeUpdate("UPDATE videos SET " + column + " = " + repaired + " WHERE id = 'bad'");
    }
    try (VideoRepository repo = SqliteVideoRepository.open(file)) {
      assertEquals(2, repo.list(10, 0).toCompletableFuture().join().size());
      assertTrue(repo.delete("bad").toCompletableFuture().join());
    }
  }

  /**
   * A value of the wrong type never reaches a read: the table is STRICT (schema V4), so SQLite
   * refuses it from any program, and the row keeps what it held. (A file older than V4 that holds
   * one is named when it is opened: SchemaTest.)
   */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"width     | 'wide'", "file_size | 1.5", "path      | x'00ff'"})
  void aValueOfTheWrongTypeIsRefusedByTheTableWhoeverWritesIt(String column, String value)
      throws Exception {
    Path file = dir.resolve("typed.db");
    Video stored = Samples.video("one", "/v/one.mp4", 1);
    try (VideoRepository repo = SqliteVideoRepository.open(file)) {
      repo.add(stored).toCompletableFuture().join();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      SQLiteException e =
          assertThrows(
              SQLiteException.class,
              () ->
                  s.executeUpdate(
                      "UPDATE videos SET " + column + " = " + value + " WHERE id = 'one'"));
      assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_DATATYPE, e.getResultCode());
    }
    try (VideoRepository repo = SqliteVideoRepository.open(file)) {
      assertEquals(stored, repo.get("one").toCompletableFuture().join().orElseThrow());
    }
  }

  private static StorageException storageFailure(CompletionStage<?> stage) throws Exception {
    try {
      Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
      return fail("expected a StorageException, got " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(StorageException.class, e.getCause());
    }
  }
}
