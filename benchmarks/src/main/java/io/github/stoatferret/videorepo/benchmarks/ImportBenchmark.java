package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
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
 * A whole import of {@code importSize} videos in chunks of 1,000 into a new SQLite file or a new
 * PostgreSQL database, in a JVM limited to a 512 MB heap: the time of the whole import (single
 * shot). The {@code raw} baseline is SQLite alone ({@link RawTransactions}), one transaction per
 * chunk, with SQLite's own checkpoint at the writer's backstop of 65,536 pages.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ImportBenchmark {

  @Param({"1000000"})
  public int importSize;

  @Param({"sqlite", "postgres", "raw"})
  public String backend;

  private Backends backends;
  private VideoRepository repo;
  private Path rawFile;
  private RawTransactions raw;

  @Setup(Level.Iteration)
  public void setUp() throws SQLException {
    if (backend.equals("raw")) {
      rawFile = Dataset.fresh("import-raw");
      raw = new RawTransactions(rawFile, Durability.NORMAL, 65_536);
    } else {
      backends = new Backends(backend, 0);
      repo = backends.repository();
    }
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws SQLException {
    if (raw != null) {
      raw.close();
      Dataset.deleteWithSidecars(rawFile);
    }
    if (backends != null) {
      backends.close();
    }
  }

  /** A whole import, in chunks of 1,000. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public long importAll() throws SQLException {
    for (int from = 0; from < importSize; from += 1000) {
      List<Video> chunk = Dataset.videos(from, Math.min(1000, importSize - from));
      if (raw != null) {
        raw.write(chunk);
      } else {
        repo.addAll(chunk).toCompletableFuture().join();
      }
    }
    return raw != null ? importSize : repo.count().toCompletableFuture().join();
  }
}
