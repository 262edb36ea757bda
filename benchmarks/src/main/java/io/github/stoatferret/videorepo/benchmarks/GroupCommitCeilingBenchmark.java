package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.nio.file.Path;
import java.sql.SQLException;
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

/**
 * What SQLite allows group commit: 1,000 new videos written by {@link RawTransactions} (SQLite
 * alone, with the repository's schema and pragmas, doing per transaction what the writer does for a
 * group) in transactions of {@code rowsPerCommit} rows each. 64 is the largest group that {@code
 * CallerBenchmark.add64}'s 64 callers can form (each awaits its add); 44 is the groups' average
 * measured inside the writer; 1,000 is one {@code addAll}.
 *
 * <p>No engine, no other thread, no stage to complete: the ratio of the results (per 1,000 videos)
 * is the most of {@code addAll}'s rate per video that any engine on SQLite can give 64 concurrent
 * adds, each acknowledged once committed. With {@code autocheckpoint=off} the WAL is never copied
 * back (it grows through the iteration), which favours small transactions most, since they write
 * more WAL per video; {@code 65536} is the writer's own backstop, {@code 8192} what it was before
 * 2026-12-02.
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroupCommitCeilingBenchmark {

  @Param({"44", "64", "1000"})
  public int rowsPerCommit;

  @Param({"off", "8192", "65536"})
  public String autocheckpoint;

  @Param({"NORMAL"})
  public Durability durability;

  private Path file;
  private RawTransactions raw;
  private long next;

  @Setup(Level.Iteration)
  public void setUp() throws SQLException {
    file = Dataset.fresh("ceiling");
    int pages = autocheckpoint.equals("off") ? 0 : Integer.parseInt(autocheckpoint);
    raw = new RawTransactions(file, durability, pages);
    next = 0;
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws SQLException {
    raw.close();
    Dataset.deleteWithSidecars(file);
  }

  /**
   * 1,000 videos, as {@code AddAllBenchmark} makes them, in transactions of at most {@code
   * rowsPerCommit}.
   *
   * @return the number of videos written
   * @throws SQLException if SQLite fails
   */
  @Benchmark
  public int write1000() throws SQLException {
    List<Video> videos = Dataset.videos(next, 1000);
    next += 1000;
    for (int from = 0; from < videos.size(); from += rowsPerCommit) {
      raw.write(videos.subList(from, Math.min(videos.size(), from + rowsPerCommit)));
    }
    return videos.size();
  }
}
