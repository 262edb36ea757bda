package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.io.IOException;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The SQLite backend's {@code stream()} against the Reactive Streams TCK: its pages are read on
 * reader threads and its signals arrive from them, unlike the in-memory backend's. The TCK is
 * TestNG-based; the testng-engine runs it beside Jupiter.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  private final TckRepositories repositories = new TckRepositories("videorepo-tck");

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

  /** Closes every repository the TCK made and removes their files. */
  @AfterClass
  public void closeAll() throws IOException {
    repositories.close();
  }
}
