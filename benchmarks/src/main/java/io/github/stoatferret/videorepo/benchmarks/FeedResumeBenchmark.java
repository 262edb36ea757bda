package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A subscriber that reconnects with position 0 while the log keeps {@code retained} changes: {@code
 * changesAfter(START)} until it has every kept change, read from the log in batches.
 */
@State(Scope.Benchmark)
@Fork(1)
public class FeedResumeBenchmark {

  @Param({"sqlite", "memory", "postgres"})
  public String backend;

  @Param({"100000"})
  public int retained;

  private VideoRepository repo;
  private Path file;
  private Backends postgres;

  @Setup(Level.Trial)
  public void setUp() {
    switch (backend) {
      case "sqlite" -> {
        file = Dataset.fresh("feed");
        repo = SqliteVideoRepository.builder().file(file).changeRetention(retained).open();
      }
      case "postgres" -> {
        postgres = new Backends("postgres", 0);
        repo =
            PostgresVideoRepository.builder(postgres.dataSource())
                .schema("feed")
                .changeRetention(retained)
                .open();
      }
      default -> repo = InMemoryVideoRepository.builder().changeRetention(retained).build();
    }
    for (int from = 0; from < retained; from += 1000) {
      repo.addAll(Dataset.videos(from, Math.min(1000, retained - from)))
          .toCompletableFuture()
          .join();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    repo.close();
    if (postgres != null) {
      postgres.close();
    }
    if (file != null) {
      Dataset.deleteWithSidecars(file);
    }
  }

  /** Milliseconds to receive every kept change from the start. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long resumeFromTheStart() {
    CountingSubscriber s = new CountingSubscriber();
    repo.changesAfter(ChangePosition.START).subscribe(s);
    s.awaitAtLeast(retained);
    s.cancel();
    return retained;
  }
}
