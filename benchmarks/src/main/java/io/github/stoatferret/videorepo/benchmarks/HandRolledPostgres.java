package io.github.stoatferret.videorepo.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The PostgreSQL baseline a typical team writes: {@code CompletableFuture.supplyAsync} over a fixed
 * pool of 8 threads, each operation one auto-committed statement on a connection from HikariCP (8
 * connections), in the repository's schema. It keeps no change log, so its adds do less than the
 * repository's.
 */
final class HandRolledPostgres implements AutoCloseable {

  private static final String TABLE = "videorepo.videos";

  private final HikariDataSource pool;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  HandRolledPostgres(HikariDataSource pool) {
    this.pool = pool;
  }

  CompletableFuture<Video> add(Video v) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO "
                          + TABLE
                          + " ("
                          + RawJdbc.COLUMNS
                          + ", list_key, search_filename, search_path) VALUES (?, ?, ?,"
                          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            RawJdbc.bind(ps, v);
            ps.executeUpdate();
            return v;
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        threads);
  }

  CompletableFuture<Video> get(String id) {
    return one("id", id);
  }

  CompletableFuture<Video> getByPath(String path) {
    return one("path", path);
  }

  private CompletableFuture<Video> one(String column, String key) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + RawJdbc.COLUMNS
                          + " FROM "
                          + TABLE
                          + " WHERE "
                          + column
                          + " = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? RawJdbc.read(rs) : null;
            }
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        threads);
  }

  /** The listing a team writes first: LIMIT and OFFSET over the list-order index. */
  List<Video> list(int limit, int offset) {
    return rows(" ORDER BY list_key, id LIMIT ? OFFSET ?", limit, offset);
  }

  /** The search a team writes first: a LIKE scan on the stored names, in list order. */
  List<Video> likeSearch(String query, int limit) {
    String pattern = "%" + query + "%";
    return rows(
        " WHERE filename LIKE ? OR path LIKE ? ORDER BY list_key, id LIMIT ?",
        pattern,
        pattern,
        limit);
  }

  /** The videos a query after {@code SELECT columns FROM table} returns, for its arguments. */
  private List<Video> rows(String rest, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + RawJdbc.COLUMNS + " FROM " + TABLE + rest)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Video> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RawJdbc.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    threads.shutdown();
    pool.close();
  }
}
