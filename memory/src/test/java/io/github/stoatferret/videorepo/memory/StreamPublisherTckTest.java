package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/**
 * {@link VideoRepository#stream()} (implemented once in core, on top of {@code page}) against the
 * Reactive Streams TCK. The TCK is TestNG-based; the testng-engine runs it beside Jupiter.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  public StreamPublisherTckTest() {
    super(new TestEnvironment(500));
  }

  @Override
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    return TckPublishers.filled(InMemoryVideoRepository.create(), elements);
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    return TckPublishers.failed(InMemoryVideoRepository.create());
  }

  @Override
  public long maxElementsFromPublisher() {
    return TckPublishers.MAX_ELEMENTS;
  }
}
