package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * The search of the Python aiosqlite system this design comes from, on raw sqlite-jdbc: an FTS5
 * table (default unicode61 tokenizer) over the file name and the path, queried by token prefix
 * ({@code "term"*}) with {@code LIMIT 100}, rows in the index's order. It does less than {@code
 * search}: no list order, no match inside a word, so its results differ; it is the baseline for
 * speed only. It runs on a copy of the dataset file with the FTS5 table added.
 */
final class Fts5Prefix implements AutoCloseable {

  private final Connection c;
  private final PreparedStatement query;

  Fts5Prefix(int size) throws SQLException {
    c =
        new SQLiteConfig(RawJdbc.pragmas(Durability.NORMAL))
            .createConnection("jdbc:sqlite:" + database(size));
    String columns =
        Arrays.stream(RawJdbc.COLUMNS.split(",\\s*"))
            .map(col -> "videos." + col)
            .collect(Collectors.joining(", "));
    query =
        c.prepareStatement(
            "SELECT "
                + columns
                + " FROM prefix_search JOIN videos ON videos.rowid = prefix_search.rowid"
                + " WHERE prefix_search MATCH ? LIMIT ?");
  }

  /** The dataset's file with the FTS5 table, built on first use. */
  private static Path database(int size) throws SQLException {
    Path file = Dataset.dir().resolve("fts5-" + size + "-v" + Dataset.VERSION + ".db");
    if (Files.exists(file)) {
      return file;
    }
    Path building =
        Dataset.dir()
            .resolve("building-fts5-" + size + "-" + ProcessHandle.current().pid() + ".db");
    try {
      Files.copy(Dataset.database(size), building, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection build = new SQLiteConfig().createConnection("jdbc:sqlite:" + building);
        Statement s = build.createStatement()) {
      s.execute(
          "CREATE VIRTUAL TABLE prefix_search USING fts5(filename, path,"
              + " content='videos', content_rowid='rowid')");
      s.execute("INSERT INTO prefix_search(prefix_search) VALUES ('rebuild')");
    }
    try {
      Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  List<Video> search(String term, int limit) throws SQLException {
    query.setString(1, "\"" + term + "\"*");
    query.setInt(2, limit);
    List<Video> out = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        out.add(RawJdbc.read(rs));
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
