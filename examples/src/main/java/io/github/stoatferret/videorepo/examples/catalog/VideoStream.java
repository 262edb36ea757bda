package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Walks every video through {@link VideoRepository#stream()}, a batch at a time, so that a
 * library of any size passes through constant memory.
 */
final class VideoStream {

  private static final int BATCH = 512;

  private VideoStream() {}

  /**
   * Calls {@code each} for every video in list order, then returns.
   *
   * @param repo the repository
   * @param each what to do with each video; called on one thread at a time
   */
  static void forEach(VideoRepository repo, Consumer<Video> each) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    repo.stream().subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription subscription;
      private int left;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        left = BATCH;
        s.request(BATCH);
      }

      @Override
      public void onNext(Video v) {
        try {
          each.accept(v);
        } catch (RuntimeException e) {
          subscription.cancel();
          done.completeExceptionally(e);
          return;
        }
        if (--left == 0) {
          left = BATCH;
          subscription.request(BATCH);
        }
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.join();
  }
}
