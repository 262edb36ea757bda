package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each helper of {@link Stages} keeps the rules it exists for: VR-1.1, VR-1.8 and VR-1.10. */
class StagesTest {

  private static Throwable failureOf(CompletionStage<?> stage) {
    CompletionException e =
        assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
    return e.getCause();
  }

  @Test
  void runCompletesWithTheWorksValue() {
    assertEquals("v", Stages.run(() -> "v").toCompletableFuture().join());
  }

  @Test
  void runPassesTheSpecifiedFailureTypesThroughUnchanged() { // VR-1.8
    List<RuntimeException> specified =
        List.of(
            InvalidArgumentException.isNull("video"),
            new InvalidArgumentException("limit", "-1", "limit must not be negative, was -1"),
            new DuplicateVideoException(DuplicateVideoException.Key.ID, "a"),
            new VideoNotFoundException("a"),
            new StorageException("disk full", null, false));
    for (RuntimeException e : specified) {
      Supplier<Object> work =
          () -> {
            throw e;
          };
      assertSame(e, failureOf(Stages.run(work)));
    }
  }

  @Test
  void runWrapsAnUnexpectedRuntimeExceptionAsAStorageExceptionWithTheCause() { // VR-1.8
    IllegalStateException bug = new IllegalStateException("index out of step");
    Supplier<Object> work =
        () -> {
          throw bug;
        };
    StorageException e = assertInstanceOf(StorageException.class, failureOf(Stages.run(work)));
    assertSame(bug, e.getCause());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains("index out of step"), e.getMessage());
  }

  @Test
  void runWrapsABareNullPointerOrIllegalArgumentAsABackendFault() { // VR-1.2, VR-1.8
    for (RuntimeException bug :
        List.of(new NullPointerException(), new IllegalArgumentException("bad state"))) {
      Supplier<Object> work =
          () -> {
            throw bug;
          };
      StorageException e = assertInstanceOf(StorageException.class, failureOf(Stages.run(work)));
      assertSame(bug, e.getCause(), "only InvalidArgumentException means the caller's input");
    }
  }

  @Test
  void runWrapsAnErrorAsAStorageExceptionWithTheCause() { // VR-1.8: never a raw Error
    StackOverflowError error = new StackOverflowError();
    Supplier<Object> work =
        () -> {
          throw error;
        };
    StorageException e = assertInstanceOf(StorageException.class, failureOf(Stages.run(work)));
    assertSame(error, e.getCause());
  }

  @Test
  void runNeverThrows() { // VR-1.1
    Supplier<Object> work =
        () -> {
          throw new UnsupportedOperationException("not yet");
        };
    CompletionStage<Object> stage = Stages.run(work);
    assertInstanceOf(StorageException.class, failureOf(stage));
  }

  @Test
  void failedFailsWithTheGivenException() {
    VideoNotFoundException e = new VideoNotFoundException("x");
    assertSame(e, failureOf(Stages.failed(e)));
  }

  @Test
  void readOnlyRefusesEveryWayToChangeTheOutcome() { // VR-1.10
    CompletableFuture<String> engine = new CompletableFuture<>();
    CompletionStage<String> stage = Stages.readOnly(engine);
    if (stage instanceof CompletableFuture<String> f) {
      refusedOrIgnored(() -> f.complete("forged"));
      refusedOrIgnored(() -> f.completeExceptionally(new RuntimeException("forged")));
      refusedOrIgnored(() -> f.cancel(true));
      refusedOrIgnored(() -> f.obtrudeValue("forged"));
      refusedOrIgnored(() -> f.obtrudeException(new RuntimeException("forged")));
    }
    assertFalse(engine.isDone(), "the caller changed the engine's future");
    engine.complete("real");
    assertEquals("real", stage.toCompletableFuture().join());
  }

  @Test
  void readOnlyGivesACopyTheCallerMayCancelWithoutCancellingTheOperation() { // VR-1.10
    CompletableFuture<String> engine = new CompletableFuture<>();
    CompletionStage<String> stage = Stages.readOnly(engine);
    CompletableFuture<String> copy = stage.toCompletableFuture();
    assertTrue(copy.cancel(true));
    assertFalse(engine.isDone());
    engine.complete("real");
    assertEquals("real", stage.toCompletableFuture().join());
  }

  @Test
  void cancelReturnsFalseAndChangesNothingOnEveryStage() { // VR-1.10
    CompletableFuture<String> engine = new CompletableFuture<>();
    Supplier<Object> bug =
        () -> {
          throw new IllegalStateException("bug");
        };
    List<CompletionStage<?>> stages =
        List.of(
            Stages.run(() -> "v"),
            Stages.run(bug),
            Stages.failed(new VideoNotFoundException("x")),
            Stages.readOnly(engine));
    for (CompletionStage<?> stage : stages) {
      CompletableFuture<?> f = assertInstanceOf(CompletableFuture.class, stage);
      boolean wasDone = f.isDone();
      assertFalse(f.cancel(true), stage::toString);
      assertFalse(f.isCancelled(), stage::toString);
      assertEquals(wasDone, f.isDone(), stage::toString);
    }
    engine.complete("real");
    assertEquals("real", stages.get(3).toCompletableFuture().join());
  }

  @Test
  void derivedFuturesBelongToTheCaller() {
    CompletableFuture<String> engine = new CompletableFuture<>();
    CompletableFuture<String> derived =
        Stages.readOnly(engine).thenApply(v -> v + "!").toCompletableFuture();
    assertTrue(derived.complete("mine"), "a future derived from the stage is the caller's");
    engine.complete("real");
    assertEquals("mine", derived.join());
  }

  private static void refusedOrIgnored(Runnable attempt) {
    try {
      attempt.run();
    } catch (UnsupportedOperationException expected) {
      // refusing is one of the two ways VR-1.10 allows
    }
  }
}
