package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.Video;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * A valid backend whose {@code stream()} is Reactor's {@code Flux.fromIterable} behind the JDK
 * adapter, as a third party would write it. It delivers synchronously from inside {@code request},
 * which Reactive Streams allows (rule 3.2): the kit must not call that a breach of rule 1.3. It
 * passes the official TCK on every rule but 3.9 (Reactor's known leniency on {@code request(0)}).
 */
final class ReactorStreamRepository extends ReferenceRepository {
  @Override
  public Flow.Publisher<Video> stream() {
    return JdkFlowAdapter.publisherToFlowPublisher(
        Flux.defer(
            () -> {
              try {
                return Flux.fromIterable(list(Integer.MAX_VALUE, 0).toCompletableFuture().join());
              } catch (CompletionException e) {
                return Flux.error(e.getCause());
              }
            }));
  }
}
