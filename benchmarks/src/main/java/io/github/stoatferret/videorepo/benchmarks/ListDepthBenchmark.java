package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
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
 * {@code list(100, offset)} on PostgreSQL at 95% depth, against the {@code LIMIT ... OFFSET} a team
 * writes first ({@code pgbaseline}, {@link HandRolledPostgres#list}). Both must return the same
 * videos, or the comparison means nothing: the set-up checks it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ListDepthBenchmark {

  @Param({"20000", "1000000"})
  public int size;

  @Param({"postgres", "pgbaseline"})
  public String backend;

  private Backends backends;
  private int deep;

  @Setup(Level.Trial)
  public void setUp() {
    deep = size / 20 * 19;
    try (Backends ours = new Backends("postgres", size);
        Backends baseline = new Backends("pgbaseline", size)) {
      List<Video> expected = ours.repository().list(100, deep).toCompletableFuture().join();
      if (expected.size() != 100
          || !expected.equals(baseline.handRolledPostgres().list(100, deep))) {
        throw new IllegalStateException("list and LIMIT/OFFSET disagree at offset " + deep);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    backends = new Backends(backend, size);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    backends.close();
  }

  @Benchmark
  public List<Video> listDeep() {
    return backend.equals("pgbaseline")
        ? backends.handRolledPostgres().list(100, deep)
        : backends.repository().list(100, deep).toCompletableFuture().join();
  }
}
