package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The PostgreSQL backend's {@code stream()} against the Reactive Streams TCK: its pages are read on
 * worker threads, and its signals come from them. Each publisher is a catalogue of its own.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  private final HikariDataSource pool = TestServer.pool(TestServer.newDatabase(), 8);
  private final List<PostgresVideoRepository> opened = new ArrayList<>();
  private final AtomicInteger schemas = new AtomicInteger();

  public StreamPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  private synchronized PostgresVideoRepository open() {
    PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool).schema("tck_" + schemas.incrementAndGet()).open();
    opened.add(repo);
    return repo;
  }

  @Override
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    return TckPublishers.filled(open(), elements);
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    return TckPublishers.failed(open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return TckPublishers.MAX_ELEMENTS;
  }

  /** Closes every repository the TCK made, and the pool. */
  @AfterClass
  public synchronized void closeAll() {
    opened.forEach(PostgresVideoRepository::close);
    pool.close();
  }
}
