package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.PageCursor;
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
 * Walking a large library: {@code list(100, offset)} and {@code page(cursor, 100)} at the start and
 * at 90% depth, and {@code count()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PagingBenchmark {

  @Param({"10000", "1000000"})
  public int size;

  @Param({"sqlite", "memory", "postgres"})
  public String backend;

  private Backends backends;
  private VideoRepository repo;
  private int deep;
  private String deepCursor;

  @Setup(Level.Trial)
  public void setUp() {
    backends = new Backends(backend, size);
    repo = backends.repository();
    deep = size / 10 * 9;
    Video before = repo.list(1, deep - 1).toCompletableFuture().join().get(0);
    deepCursor = PageCursor.at(before).encode();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    backends.close();
  }

  @Benchmark
  public List<Video> listFirst() {
    return repo.list(100, 0).toCompletableFuture().join();
  }

  @Benchmark
  public List<Video> listDeep() {
    return repo.list(100, deep).toCompletableFuture().join();
  }

  @Benchmark
  public VideoPage pageFirst() {
    return repo.page(null, 100).toCompletableFuture().join();
  }

  @Benchmark
  public VideoPage pageDeep() {
    return repo.page(deepCursor, 100).toCompletableFuture().join();
  }

  @Benchmark
  public long count() {
    return repo.count().toCompletableFuture().join();
  }
}
