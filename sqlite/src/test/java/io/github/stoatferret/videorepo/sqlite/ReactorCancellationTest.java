package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * Rule VR-1.10 as a WebFlux service meets it: Reactor cancels a stage whenever its subscriber goes
 * away (a client hangs up, a timeout, a shutdown), and reports what {@code cancel} throws as a
 * dropped error, logged with a stack trace. Before cancel became harmless, 2,000 adds and 2,000
 * gets disposed right after subscribing gave 3,902 of them. Here 10,000 operations are cancelled at
 * random points through every Reactor adapter a service uses: nothing is dropped, and every add
 * takes effect.
 */
class ReactorCancellationTest {

  @TempDir Path dir;
  private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

  @BeforeEach
  void catchDroppedErrors() {
    Hooks.onErrorDropped(dropped::add);
  }

  @AfterEach
  void resetHooks() {
    Hooks.resetOnErrorDropped();
  }

  @Test
  void cancellingSubscribersAtRandomPointsDropsNothingAndLosesNothing() {
    SplittableRandom random = new SplittableRandom(23);
    int adds = 5_000;
    List<CompletionStage<Video>> stages = new ArrayList<>();
    List<Disposable> later = new ArrayList<>();
    try (VideoRepository repo = SqliteVideoRepository.open(dir.resolve("videos.db"))) {
      for (int i = 0; i < adds; i++) {
        Video v = Samples.video("v" + i);
        CompletionStage<Video> add = repo.add(v);
        stages.add(add);
        Mono<Video> write =
            i % 2 == 0 ? Mono.fromCompletionStage(add) : Mono.fromFuture(add.toCompletableFuture());
        CompletionStage<Optional<Video>> get = repo.get("v" + random.nextInt(i + 1));
        Mono<Optional<Video>> read =
            i % 3 == 0 ? Mono.fromFuture(get.toCompletableFuture()) : Mono.fromCompletionStage(get);
        for (Mono<?> mono : List.of(write, read)) {
          Disposable subscription = mono.subscribe();
          if (random.nextBoolean()) {
            subscription.dispose(); // at once, while the operation is most likely pending
          } else {
            later.add(subscription);
          }
        }
        if (i % 500 == 0) {
          later.forEach(Disposable::dispose);
          later.clear();
          // a stream cancelled part-way, as an SSE client that hangs up
          Flux.from(JdkFlowAdapter.flowPublisherToFlux(repo.stream()))
              .take(random.nextInt(1, 50))
              .blockLast();
          Flux.from(JdkFlowAdapter.flowPublisherToFlux(repo.stream())).subscribe().dispose();
        }
      }
      later.forEach(Disposable::dispose);
      for (CompletionStage<Video> stage : stages) {
        stage.toCompletableFuture().join();
      }
      assertEquals(
          (long) adds,
          repo.count().toCompletableFuture().join(),
          "every cancelled add took effect");
    }
    assertEquals(List.of(), dropped, "errors Reactor dropped (and would have logged)");
  }
}
