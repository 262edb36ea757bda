package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * SQLite alone writing videos in transactions: one raw connection on a file with the repository's
 * schema and pragmas, each transaction doing what the repository's writer does for a group (the
 * rows, their trigram index entries in ascending order, so one index segment per commit, and the
 * count), and nothing else: no other thread, no stage, no look-up. Rows take SQLite's own rowids
 * (the largest plus one) where the writer picks list slots; for videos created in the order they
 * are added, both append at the table's end. Not thread-safe.
 */
final class RawTransactions implements AutoCloseable {

  private final Connection c;
  private final PreparedStatement row;
  private final PreparedStatement search;
  private final PreparedStatement count;

  /**
   * Opens a new file.
   *
   * @param file a file that does not exist yet
   * @param durability the synchronous setting, as the repository maps it
   * @param autocheckpointPages SQLite's own checkpoint threshold; 0 for none
   * @throws SQLException if SQLite fails
   */
  RawTransactions(Path file, Durability durability, int autocheckpointPages) throws SQLException {
    SqliteVideoRepository.open(file).close(); // the schema, as the repository makes it
    SQLiteConfig config = new SQLiteConfig(RawJdbc.pragmas(durability));
    config.setCacheSize(-32 * 1024); // the repository's two other connection settings
    config.setGetGeneratedKeys(false);
    c = config.createConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint = " + autocheckpointPages);
      s.execute("PRAGMA journal_size_limit = 536870912"); // as the repository's writer
    }
    c.setAutoCommit(false);
    row = c.prepareStatement(RawJdbc.INSERT);
    search = c.prepareStatement(RawJdbc.INSERT_SEARCH);
    count = c.prepareStatement("UPDATE video_count SET n = n + ?");
  }

  /**
   * Writes videos, new to the file, in one transaction.
   *
   * @param videos the videos
   * @throws SQLException if SQLite fails
   */
  void write(List<Video> videos) throws SQLException {
    for (Video v : videos) {
      // Each index entry takes its row's rowid, so the entries ascend.
      RawJdbc.insert(row, search, v);
    }
    count.setLong(1, videos.size());
    count.executeUpdate();
    c.commit();
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
