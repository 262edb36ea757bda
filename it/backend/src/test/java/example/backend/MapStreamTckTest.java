package example.backend;

import io.github.stoatferret.videorepo.Video;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    MapVideoRepository repo = new MapVideoRepository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < elements; i++) {
      batch.add(Video.builder().id("v" + i).path("/v/" + i).filename(i + ".mp4")
          .frameRate(25, 1).videoCodec("h264")
          .timestamps(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)).build());
    }
    repo.addAll(batch).toCompletableFuture().join();
    return repo.stream();
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    MapVideoRepository repo = new MapVideoRepository();
    repo.close();
    return repo.stream();
  }

  @Override
  public long maxElementsFromPublisher() {
    return 2_000;
  }
}
