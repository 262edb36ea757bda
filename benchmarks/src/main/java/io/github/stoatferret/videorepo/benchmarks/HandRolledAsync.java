package io.github.stoatferret.videorepo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sqlite.SQLiteConfig;

/**
 * What a typical team writes: {@code CompletableFuture.supplyAsync} over a fixed pool of 8 threads,
 * each operation taking a JDBC connection from HikariCP and committing on its own. Same schema,
 * same pragmas as the repository.
 */
final class HandRolledAsync implements AutoCloseable {

  private final HikariDataSource pool;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  HandRolledAsync(Path file, Durability durability) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file);
    // BEGIN IMMEDIATE: with SQLite's default deferred transactions, concurrent writers fail with
    // SQLITE_BUSY at once (the busy timeout does not apply to a read lock's upgrade); a team
    // that tried this would have had to learn that, so the baseline has it too.
    Properties pragmas = RawJdbc.pragmas(durability);
    SQLiteConfig immediate = new SQLiteConfig(pragmas);
    immediate.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setDataSourceProperties(immediate.toProperties());
    config.setMaximumPoolSize(8);
    config.setPoolName("hand-rolled");
    pool = new HikariDataSource(config);
  }

  CompletableFuture<Video> add(Video v) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(RawJdbc.INSERT);
                PreparedStatement fts = c.prepareStatement(RawJdbc.INSERT_SEARCH)) {
              RawJdbc.insert(ps, fts, v);
              c.commit();
            } catch (SQLException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
            return v;
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        threads);
  }

  CompletableFuture<Video> get(String id) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement("SELECT " + RawJdbc.COLUMNS + " FROM videos WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? RawJdbc.read(rs) : null;
            }
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        threads);
  }

  @Override
  public void close() {
    threads.shutdown();
    pool.close();
  }
}
