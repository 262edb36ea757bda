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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * What SQLite itself allows group commit: 1,000 new videos written by one thread on one raw
 * connection with the repository's schema and pragmas, in transactions of {@code rowsPerCommit}
 * rows each. 64 is the largest group that {@code CallerBenchmark.add64}'s 64 callers can form
 * (each awaits its add); 1,000 is one {@code addAll}. Each transaction does what the writer does
 * for it: the rows, their trigram index entries in ascending order (so one index segment per
 * commit), the count. Rows take SQLite's own rowids (the largest plus one) where the writer picks
 * list slots; for videos created in the order they are added, both append at the table's end.
 *
 * <p>No engine, no other thread, no stage to complete: the ratio of the two results (per 1,000
 * videos) is the most of {@code addAll}'s rate per video that any engine on SQLite can give 64
 * concurrent adds, each acknowledged once committed. With {@code autocheckpoint=off} the WAL is
 * never copied back (it grows through the iteration), which favours small transactions most,
 * since they write more WAL per video; {@code 8192} is the writer's own backstop setting.
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroupCommitCeilingBenchmark {

  @Param({"64", "1000"})
  public int rowsPerCommit;

  @Param({"off", "8192"})
  public String autocheckpoint;

  @Param({"NORMAL"})
  public Durability durability;

  private Path file;
  private Connection c;
  private PreparedStatement row;
  private PreparedStatement search;
  private PreparedStatement count;
  private long next;

  @Setup(Level.Iteration)
  public void setUp() throws SQLException {
    file = Dataset.fresh("ceiling");
    SqliteVideoRepository.open(file).close(); // the schema, as the repository makes it
    SQLiteConfig config = new SQLiteConfig(RawJdbc.pragmas(durability));
    config.setCacheSize(-32 * 1024); // the repository's two other connection settings
    config.setGetGeneratedKeys(false);
    c = config.createConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      String pages = autocheckpoint.equals("off") ? "0" : autocheckpoint;
      s.execute("PRAGMA wal_autocheckpoint = " + pages);
    }
    c.setAutoCommit(false);
    row = c.prepareStatement(RawJdbc.INSERT);
    search = c.prepareStatement(RawJdbc.INSERT_SEARCH);
    count = c.prepareStatement("UPDATE video_count SET n = n + ?");
    next = 0;
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws SQLException {
    c.close();
    Dataset.deleteWithSidecars(file);
  }

  /**
   * 1,000 videos, as {@code AddAllBenchmark} makes them, in transactions of at most
   * {@code rowsPerCommit}.
   *
   * @return the number of videos written
   * @throws SQLException if SQLite fails
   */
  @Benchmark
  public int write1000() throws SQLException {
    List<Video> videos = Dataset.videos(next, 1000);
    next += 1000;
    for (int from = 0; from < videos.size(); from += rowsPerCommit) {
      List<Video> group = videos.subList(from, Math.min(videos.size(), from + rowsPerCommit));
      for (Video v : group) {
        // Rows append (rowid = max + 1), and each index entry takes its row's rowid: ascending.
        RawJdbc.insert(row, search, v);
      }
      count.setLong(1, group.size());
      count.executeUpdate();
      c.commit();
    }
    return videos.size();
  }
}
