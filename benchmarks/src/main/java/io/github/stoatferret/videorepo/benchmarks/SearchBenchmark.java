package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
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
 * {@code search(query, 100)} over stored libraries of 10k, 20k, 100k and 1M videos, against the
 * {@code LIKE '%q%'} scan a user would write first, and against the FTS5 prefix query of the system
 * this design comes from ({@link Fts5Prefix}, a different search, for speed only). Queries: two
 * letters, and 4+ letter terms that hit often (10% of videos), rarely (0.1%) and never. Setup
 * checks that both return the same videos.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmark {

  @Param({"10000", "20000", "100000", "1000000"})
  public int size;

  @Param({"two", "often", "rarely", "never"})
  public String query;

  @Param({"sqlite", "like", "fts5prefix", "postgres", "pglike"})
  public String backend;

  private Backends backends;
  private Fts5Prefix prefix;
  private String text;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    text =
        switch (query) {
          case "two" -> Dataset.TWO_LETTERS;
          case "often" -> Dataset.OFTEN;
          case "rarely" -> Dataset.RARELY;
          case "never" -> Dataset.NEVER;
          default -> throw new IllegalArgumentException(query);
        };
    if (backend.equals("fts5prefix")) { // a different search: nothing to compare results with
      prefix = new Fts5Prefix(size);
      return;
    }
    backends = new Backends(backend, size);
    if (backend.equals("postgres") || backend.equals("pglike")) {
      try (Backends ours = new Backends("postgres", size);
          Backends like = new Backends("pglike", size)) { // same results, as below
        List<Video> expected = ours.repository().search(text, 100).toCompletableFuture().join();
        if (!expected.equals(like.handRolledPostgres().likeSearch(text, 100))) {
          throw new IllegalStateException("search and LIKE disagree on " + text);
        }
      }
      return;
    }
    // Same results, or the comparison means nothing.
    try (VideoRepository check =
            io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository.open(
                Dataset.database(size));
        RawJdbc raw = new RawJdbc(Dataset.database(size))) {
      List<Video> ours = check.search(text, 100).toCompletableFuture().join();
      List<Video> like = raw.likeSearch(text, 100);
      if (!ours.equals(like)) {
        throw new IllegalStateException("search and LIKE disagree on " + text);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    if (prefix != null) {
      prefix.close();
    } else {
      backends.close();
    }
  }

  @Benchmark
  public List<Video> search() throws SQLException {
    if (backend.equals("like")) {
      return backends.raw().likeSearch(text, 100);
    }
    if (backend.equals("fts5prefix")) {
      return prefix.search(text, 100);
    }
    if (backend.equals("pglike")) {
      return backends.handRolledPostgres().likeSearch(text, 100);
    }
    return backends.repository().search(text, 100).toCompletableFuture().join();
  }
}
