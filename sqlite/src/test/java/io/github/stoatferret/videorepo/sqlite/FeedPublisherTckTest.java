package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.io.IOException;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The SQLite backend's change feed against the Reactive Streams TCK: each subscriber reads the
 * change log from the start on reader threads, then goes live. A feed never completes on its own,
 * so the TCK's rules that need {@code onComplete} are skipped.
 */
public class FeedPublisherTckTest extends FlowPublisherVerification<ChangeFeedEvent> {

  private final TckRepositories repositories = new TckRepositories("videorepo-feed-tck");

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

  /** Closes every repository the TCK made and removes their files. */
  @AfterClass
  public void closeAll() throws IOException {
    repositories.close();
  }
}
