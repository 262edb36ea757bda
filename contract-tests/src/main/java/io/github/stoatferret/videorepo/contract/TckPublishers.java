package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The publishers the official Reactive Streams TCK asks for, over any backend: extend {@code
 * FlowPublisherVerification<Video>} (for {@code stream()}) or {@code
 * FlowPublisherVerification<ChangeFeedEvent>} (for the change feed) and answer its methods with
 * these.
 *
 * <pre>{@code
 * public Flow.Publisher<Video> createFlowPublisher(long n) {
 *   return TckPublishers.filled(new MyRepository(), n);
 * }
 * public Flow.Publisher<Video> createFailedFlowPublisher() {
 *   return TckPublishers.failed(new MyRepository());
 * }
 * public long maxElementsFromPublisher() { return TckPublishers.MAX_ELEMENTS; }
 * }</pre>
 */
public final class TckPublishers {

  /**
   * The largest stream to ask for: a stored set is finite, so the TCK skips its "unbounded" rules
   * above this.
   */
  public static final long MAX_ELEMENTS = 2_000;

  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

  private TckPublishers() {}

  /**
   * Stores {@code elements} videos in an empty repository and returns its stream.
   *
   * @param empty an empty repository, which the caller closes when the TCK is done
   * @param elements how many videos
   * @return {@code empty.stream()} over them
   */
  public static Flow.Publisher<Video> filled(VideoRepository empty, long elements) {
    List<Video> batch = new ArrayList<>();
    for (long i = 0; i < elements; i++) {
      batch.add(
          Video.builder()
              .id("v" + i)
              .path("/v/" + i)
              .filename(i + ".mp4")
              .frameRate(25, 1)
              .videoCodec("h264")
              .timestamps(BASE.plusSeconds(i))
              .build());
      if (batch.size() == 1_000 || i == elements - 1) {
        empty.addAll(batch).toCompletableFuture().join();
        batch.clear();
      }
    }
    return empty.stream();
  }

  /**
   * Closes a repository and returns its stream, whose every page read fails with {@code
   * RepositoryClosedException}.
   *
   * @param repository the repository
   * @return its stream
   */
  public static Flow.Publisher<Video> failed(VideoRepository repository) {
    repository.close();
    return repository.stream();
  }

  /**
   * Makes {@code elements} changes in an empty repository and returns its change feed from the
   * start: a publisher of exactly that many changes that then waits for more, as a feed does.
   * Declare it in the verification with {@code maxElementsFromPublisher() { return
   * publisherUnableToSignalOnComplete(); }}. The TCK then also asks for publishers of up to {@code
   * Long.MAX_VALUE} elements, of which its tests take a few: beyond {@link #MAX_ELEMENTS} this
   * makes that many, and the feed waits after them as it would for the next write.
   *
   * @param empty an empty repository with a change feed, which the caller closes when the TCK is
   *     done
   * @param elements how many changes
   * @return {@code empty.changesAfter(ChangePosition.START)}
   */
  public static Flow.Publisher<ChangeFeedEvent> feed(VideoRepository empty, long elements) {
    filled(empty, Math.min(elements, MAX_ELEMENTS));
    return empty.changesAfter(ChangePosition.START);
  }

  /**
   * Closes a repository and returns its change feed, which signals {@code
   * RepositoryClosedException} to every subscriber (VR-17.5).
   *
   * @param repository the repository
   * @return its feed
   */
  public static Flow.Publisher<ChangeFeedEvent> failedFeed(VideoRepository repository) {
    repository.close();
    return repository.changesAfter(ChangePosition.START);
  }
}
