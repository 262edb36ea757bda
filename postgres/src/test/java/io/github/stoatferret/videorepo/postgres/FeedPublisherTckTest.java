package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The PostgreSQL backend's change feed against the Reactive Streams TCK: each subscriber reads the
 * log from the start on worker threads, then takes live changes from the thread that follows the
 * log. Each publisher is a catalogue of its own, whose following thread holds a connection until
 * the end, hence the larger pool. A feed never completes on its own, so the TCK's rules that need
 * {@code onComplete} are skipped.
 */
public class FeedPublisherTckTest extends FlowPublisherVerification<ChangeFeedEvent> {

  private final HikariDataSource pool = TestServer.pool(TestServer.newDatabase(), 48);
  private final List<PostgresVideoRepository> opened = new ArrayList<>();
  private final AtomicInteger schemas = new AtomicInteger();

  public FeedPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  private synchronized PostgresVideoRepository open() {
    PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool)
            .schema("feed_tck_" + schemas.incrementAndGet())
            .open();
    opened.add(repo);
    return repo;
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFlowPublisher(long elements) {
    return TckPublishers.feed(open(), elements);
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFailedFlowPublisher() {
    return TckPublishers.failedFeed(open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return publisherUnableToSignalOnComplete();
  }

  /** Closes every repository the TCK made, and the pool. */
  @AfterClass
  public synchronized void closeAll() {
    opened.forEach(PostgresVideoRepository::close);
    pool.close();
  }
}
