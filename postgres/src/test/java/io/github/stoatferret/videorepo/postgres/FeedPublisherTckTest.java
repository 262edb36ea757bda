package io.github.stoatferret.videorepo.postgres;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.concurrent.Flow;
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

  private final TckRepositories repositories = new TckRepositories("feed_tck_", 48);

  public FeedPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFlowPublisher(long elements) {
    return TckPublishers.feed(repositories.open(), elements);
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFailedFlowPublisher() {
    return TckPublishers.failedFeed(repositories.open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return publisherUnableToSignalOnComplete();
  }

  /** Closes every repository the TCK made, and the pool. */
  @AfterClass
  public void closeAll() {
    repositories.close();
  }
}
