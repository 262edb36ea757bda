package example.backend;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/** The backend's stream() against the official Reactive Streams TCK (TestNG, beside Jupiter). */
public class MapStreamTckTest extends FlowPublisherVerification<Video> {

  public MapStreamTckTest() {
    super(new TestEnvironment(300));
  }

  @Override
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    return TckPublishers.filled(new MapVideoRepository(), elements);
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    return TckPublishers.failed(new MapVideoRepository());
  }

  @Override
  public long maxElementsFromPublisher() {
    return TckPublishers.MAX_ELEMENTS;
  }
}
