package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
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
 * One {@code addAll} of 1,000 new videos into a growing repository: created in the order they are
 * added (a library that grows), at scattered times (an import of old files), or newest first (a
 * copy of a library, as {@code video-catalog copy} streams it).
 */
@State(Scope.Benchmark)
@Fork(1)
public class AddAllBenchmark {

  @Param({"sqlite", "memory", "postgres"})
  public String backend;

  @Param({"ascending", "scattered", "descending"})
  public String createdAt;

  private VideoRepository repo;
  private Path file;
  private Backends postgres;
  private long next;

  @Setup(Level.Iteration)
  public void setUp() {
    switch (backend) {
      case "sqlite" -> {
        file = Dataset.fresh("import");
        repo = SqliteVideoRepository.open(file);
      }
      case "postgres" -> {
        postgres = new Backends("postgres", 0);
        repo = postgres.repository();
      }
      default -> repo = io.github.stoatferret.videorepo.memory.InMemoryVideoRepository.create();
    }
    next = 0;
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws SQLException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
      return;
    }
    repo.close();
    if (file != null) {
      Dataset.deleteWithSidecars(file);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 2)
  public List<?> addAll1000() {
    if (backend.equals("memory") && next >= 100_000) { // keep the memory backend's heap bounded
      repo = io.github.stoatferret.videorepo.memory.InMemoryVideoRepository.create();
      next = 0;
    }
    List<Video> batch =
        switch (createdAt) {
          case "scattered" -> Dataset.videosAtScatteredTimes(next, 1000);
          case "descending" -> Dataset.videosNewestFirst(next, 1000);
          default -> Dataset.videos(next, 1000);
        };
    List<?> stored = repo.addAll(batch).toCompletableFuture().join();
    next += 1000;
    return stored;
  }
}
