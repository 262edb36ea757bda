package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Fan-out: an {@code addAll} of 1,000 videos, then the wait until each of {@code subscribers} live
 * subscribers has received its 1,000 changes (0 subscribers: the write alone).
 */
@State(Scope.Benchmark)
@Fork(1)
public class FeedFanOutBenchmark {

  @Param({"sqlite", "memory", "postgres"})
  public String backend;

  @Param({"0", "1", "100"})
  public int subscribers;

  private VideoRepository repo;
  private Path file;
  private Backends postgres;
  private final AtomicLong received = new AtomicLong();
  private final List<CountingSubscriber> live = new ArrayList<>();
  private long next;

  @Setup(Level.Iteration)
  public void setUp() {
    switch (backend) {
      case "sqlite" -> {
        file = Dataset.fresh("fanout");
        repo = SqliteVideoRepository.open(file);
      }
      case "postgres" -> {
        postgres = new Backends("postgres", 0);
        repo = postgres.repository();
      }
      default -> repo = InMemoryVideoRepository.create();
    }
    received.set(0);
    next = 0;
    for (int i = 0; i < subscribers; i++) {
      CountingSubscriber s = new CountingSubscriber(received);
      repo.changes().subscribe(s);
      live.add(s);
    }
  }

  @TearDown(Level.Iteration)
  public void tearDown() throws SQLException {
    live.forEach(CountingSubscriber::cancel);
    live.clear();
    if (postgres != null) {
      postgres.close();
      postgres = null;
    } else {
      repo.close();
    }
    if (file != null) {
      Dataset.deleteWithSidecars(file);
      file = null;
    }
  }

  /** Milliseconds from the batch's call until every subscriber has all of its changes. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long addAll1000ToEverySubscriber() {
    if (backend.equals("memory") && next >= 100_000) { // keep the memory backend's heap bounded
      repo.close();
      repo = InMemoryVideoRepository.create();
      live.clear();
      received.set(0);
      for (int i = 0; i < subscribers; i++) {
        CountingSubscriber s = new CountingSubscriber(received);
        repo.changes().subscribe(s);
        live.add(s);
      }
      next = 0;
    }
    repo.addAll(Dataset.videos(next, 1000)).toCompletableFuture().join();
    next += 1000;
    if (subscribers > 0) {
      live.get(0).awaitAtLeast(next * subscribers); // the counter is shared by all
    }
    return next;
  }
}
