package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The in-memory backend's change feed ({@code changesAfter}) against the Reactive Streams TCK. A
 * feed never completes on its own, so the TCK's rules that need {@code onComplete} are skipped.
 */
public class FeedPublisherTckTest extends FlowPublisherVerification<ChangeFeedEvent> {

  private final List<InMemoryVideoRepository> opened = new ArrayList<>();

  public FeedPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  private synchronized InMemoryVideoRepository open() {
    InMemoryVideoRepository repo = InMemoryVideoRepository.create();
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

  /** Ends every feed the TCK opened. */
  @AfterClass
  public synchronized void closeAll() {
    opened.forEach(InMemoryVideoRepository::close);
  }
}
