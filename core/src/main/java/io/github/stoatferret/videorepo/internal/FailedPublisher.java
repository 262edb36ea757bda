package io.github.stoatferret.videorepo.internal;

import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * A publisher that fails each subscriber at once: a subscription that ignores requests, then {@code
 * onError} (Reactive Streams rule 1.9 wants {@code onSubscribe} first).
 *
 * @param <T> the element type it never emits
 * @param failure what each subscriber receives
 */
public record FailedPublisher<T>(Throwable failure) implements Flow.Publisher<T> {

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    subscriber.onError(failure);
  }
}
