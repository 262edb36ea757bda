package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Callers awaiting each operation: {@code add} into a growing file, {@code get} and {@code
 * getByPath} over 10,000 stored videos. The plain methods have one caller, which against raw
 * sqlite-jdbc shows what the async machinery costs; the {@code ...64} methods have 64 callers with
 * one operation outstanding each, where group commit and parallel readers pay off, against the
 * hand-rolled async baseline. The raw baseline serves 64 callers through its one connection, one at
 * a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallerBenchmark {

  static final int STORED = 10_000;

  @Param({"sqlite", "memory", "raw", "handrolled", "postgres", "pgbaseline"})
  public String backend;

  /** Matters for adds only; {@code FULL} syncs at every commit (for the baselines, every add). */
  @Param({"NORMAL"})
  public Durability durability;

  private Backends backends;
  private final AtomicLong next = new AtomicLong(STORED);
  private String[] ids;
  private String[] paths;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    boolean writes = params.getBenchmark().contains(".add");
    backends = new Backends(backend, writes ? 0 : STORED, durability);
    ids = new String[STORED];
    paths = new String[STORED];
    for (int i = 0; i < STORED; i++) {
      Video v = Dataset.video(i);
      ids[i] = v.id();
      paths[i] = v.path();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    backends.close();
  }

  @Benchmark
  @Threads(64)
  public Video add64() throws SQLException {
    return add();
  }

  @Benchmark
  @Threads(64)
  public Video get64() throws SQLException {
    return get();
  }

  @Benchmark
  @Threads(64)
  public Object getByPath64() throws SQLException {
    return getByPath();
  }

  @Benchmark
  public Video add() throws SQLException {
    return backends.add(Dataset.video(next.getAndIncrement()));
  }

  @Benchmark
  public Video get() throws SQLException {
    return backends.get(ids[ThreadLocalRandom.current().nextInt(STORED)]);
  }

  @Benchmark
  public Object getByPath() throws SQLException {
    if (backend.equals("raw") || backend.equals("handrolled")) {
      return backends.get(ids[ThreadLocalRandom.current().nextInt(STORED)]); // same work
    }
    return backends.getByPath(paths[ThreadLocalRandom.current().nextInt(STORED)]);
  }
}
