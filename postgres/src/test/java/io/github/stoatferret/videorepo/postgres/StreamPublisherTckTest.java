package io.github.stoatferret.videorepo.postgres;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The PostgreSQL backend's {@code stream()} against the Reactive Streams TCK: its pages are read on
 * worker threads, and its signals come from them. Each publisher is a catalogue of its own.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  private final TckRepositories repositories = new TckRepositories("tck_", 8);

  public StreamPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  @Override
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    return TckPublishers.filled(repositories.open(), elements);
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    return TckPublishers.failed(repositories.open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return TckPublishers.MAX_ELEMENTS;
  }

  /** Closes every repository the TCK made, and the pool. */
  @AfterClass
  public void closeAll() {
    repositories.close();
  }
}
