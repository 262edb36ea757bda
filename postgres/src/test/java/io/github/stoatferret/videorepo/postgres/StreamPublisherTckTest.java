package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The PostgreSQL backend's {@code stream()} against the Reactive Streams TCK: its pages are read
 * on worker threads, and its signals come from them. Each publisher is a catalogue of its own.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  private final HikariDataSource pool = TestServer.pool(TestServer.newDatabase(), 8);
  private final List<PostgresVideoRepository> opened = new ArrayList<>();
  private final AtomicInteger schemas = new AtomicInteger();

  public StreamPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  private synchronized PostgresVideoRepository open() {
    PostgresVideoRepository repo = PostgresVideoRepository.builder(pool)
        .schema("tck_" + schemas.incrementAndGet()).open();
    opened.add(repo);
    return repo;
  }

  @Override
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    PostgresVideoRepository repo = open();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < elements; i++) {
      batch.add(Samples.video("v" + i, "/v/" + i + ".mp4", i));
    }
    repo.addAll(batch).toCompletableFuture().join();
    return repo.stream();
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    PostgresVideoRepository repo = open();
    repo.close(); // every page read fails with RepositoryClosedException
    return repo.stream();
  }

  @Override
  public long maxElementsFromPublisher() {
    return 2_000; // a stored set is finite; the TCK skips its "unbounded" rules above this
  }

  /** Closes every repository the TCK made, and the pool. */
  @AfterClass
  public synchronized void closeAll() {
    opened.forEach(PostgresVideoRepository::close);
    pool.close();
  }
}
