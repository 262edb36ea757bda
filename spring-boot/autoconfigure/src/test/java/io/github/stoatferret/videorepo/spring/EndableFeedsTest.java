package io.github.stoatferret.videorepo.spring;

import static io.github.stoatferret.videorepo.spring.VideoRepositoryAutoConfigurationTest.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.spring.internal.EndableFeeds;
import io.github.stoatferret.videorepo.spring.internal.ObservedVideoRepository;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The feeds end at shutdown: completed (never failed) after the events already delivered. */
class EndableFeedsTest {

  /** Records the signals, with unbounded demand. */
  static final class Recorder implements Flow.Subscriber<ChangeFeedEvent> {
    final List<String> ids = new CopyOnWriteArrayList<>();
    final CountDownLatch completed = new CountDownLatch(1);
    volatile Throwable failure;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ChangeFeedEvent event) {
      ids.add(event.id());
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
    }

    @Override
    public void onComplete() {
      completed.countDown();
    }
  }

  @Test
  void endAllCompletesOpenFeedsAfterTheirEventsAndLaterOnesAtOnce() throws Exception {
    EndableFeeds feeds = new EndableFeeds();
    try (ObservedVideoRepository repository =
        new ObservedVideoRepository(
            InMemoryVideoRepository.builder().build(), ObservationRegistry.NOOP, feeds)) {
      Recorder live = new Recorder();
      repository.changes().subscribe(live);
      repository.add(video("a")).toCompletableFuture().join();
      repository.add(video("b")).toCompletableFuture().join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (live.ids.size() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(feeds.openCount()).isEqualTo(1);

      feeds.endAll();

      assertThat(live.completed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(live.ids).containsExactly("a", "b");
      assertThat(live.failure).isNull();
      assertThat(feeds.openCount()).isZero();

      Recorder late = new Recorder();
      repository.changesAfter(ChangePosition.START).subscribe(late);
      assertThat(late.completed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(late.failure).isNull();

      feeds.reopen();
      Recorder again = new Recorder();
      repository.changesAfter(ChangePosition.START).subscribe(again);
      repository.add(video("c")).toCompletableFuture().join();
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (again.ids.size() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(again.ids).containsExactly("a", "b", "c");
    }
  }

  @Test
  void closingTheRepositoryCompletesFeedsThroughTheWrapper() throws Exception {
    EndableFeeds feeds = new EndableFeeds();
    ObservedVideoRepository repository =
        new ObservedVideoRepository(
            InMemoryVideoRepository.builder().build(), ObservationRegistry.NOOP, feeds);
    Recorder recorder = new Recorder();
    repository.changes().subscribe(recorder);
    repository.add(video("a")).toCompletableFuture().join();
    repository.close();
    assertThat(recorder.completed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.ids).containsExactly("a");
    assertThat(feeds.openCount()).isZero();
  }
}
