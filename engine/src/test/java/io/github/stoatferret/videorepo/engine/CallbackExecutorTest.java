package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Callbacks run off the caller's thread, and never nowhere: refused ones run where triggered. */
class CallbackExecutorTest {

  @Test
  void theOwnPoolRunsCallbacksOnItsNamedThreadsAndKnowsThem() throws Exception {
    CallbackExecutor callbacks = CallbackExecutor.of(null, "test-callback-");
    CompletableFuture<String> name = new CompletableFuture<>();
    CompletableFuture<Boolean> own = new CompletableFuture<>();
    callbacks.execute(
        () -> {
          own.complete(callbacks.onOwnThread());
          name.complete(Thread.currentThread().getName());
        });
    assertTrue(name.get(10, TimeUnit.SECONDS).startsWith("test-callback-"));
    assertTrue(own.get(10, TimeUnit.SECONDS));
    assertFalse(callbacks.onOwnThread());
    callbacks.shutdown();
  }

  @Test
  void afterShutdownACallbackRunsOnTheThreadThatTriggersIt() {
    CallbackExecutor callbacks = CallbackExecutor.of(null, "test-callback-");
    callbacks.shutdown();
    Thread[] ranOn = new Thread[1];
    callbacks.execute(() -> ranOn[0] = Thread.currentThread());
    assertEquals(Thread.currentThread(), ranOn[0]);
  }

  @Test
  void aUsersExecutorThatRefusesStillGetsTheCallbackRun() {
    Executor full =
        task -> {
          throw new RejectedExecutionException("full");
        };
    CallbackExecutor callbacks = CallbackExecutor.of(full, "unused-");
    boolean[] ran = new boolean[1];
    callbacks.execute(() -> ran[0] = true);
    assertTrue(ran[0]);
    callbacks.shutdown(); // the user's executor is the user's: nothing to do
  }

  @Test
  void shutdownFromACallbackReturnsWithoutWaitingForItself() throws Exception {
    CallbackExecutor callbacks = CallbackExecutor.of(null, "test-callback-");
    CompletableFuture<Boolean> returned = new CompletableFuture<>();
    callbacks.execute(
        () -> {
          callbacks.shutdown();
          returned.complete(true);
        });
    assertTrue(returned.get(10, TimeUnit.SECONDS));
  }
}
