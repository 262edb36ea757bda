package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    InMemoryVideoRepository repo = InMemoryVideoRepository.create();
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
    InMemoryVideoRepository repo = InMemoryVideoRepository.create();
    repo.close(); // every page read fails with RepositoryClosedException
    return repo.stream();
  }

  @Override
  public long maxElementsFromPublisher() {
    return 2_000; // a stored set is finite; the TCK skips its "unbounded" rules above this
  }
}
