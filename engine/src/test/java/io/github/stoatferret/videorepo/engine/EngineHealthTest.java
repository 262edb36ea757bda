package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.StorageException;
import org.junit.jupiter.api.Test;

/** The engines' failure policy: a RuntimeException fails one operation, an Error the engine. */
class EngineHealthTest {

  @Test
  void aRuntimeExceptionFailsOneOperationOnly() {
    EngineHealth health = new EngineHealth("test engine");
    IllegalStateException bug = new IllegalStateException("bug");
    StorageException e = health.unexpected("add on x", bug);
    assertSame(bug, e.getCause());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().startsWith("add on x failed unexpectedly"), e.getMessage());
    assertFalse(health.failed());
  }

  @Test
  void anErrorEndsTheServiceAndTheFirstErrorIsTheOneReported() {
    EngineHealth health = new EngineHealth("test engine");
    StackOverflowError first = new StackOverflowError("first");
    StorageException e = health.unexpected("get on x", first);
    assertSame(first, e.getCause());
    assertTrue(e.getMessage().contains("stopped"), e.getMessage());
    assertTrue(health.failed());
    health.fail(new OutOfMemoryError("second"));
    StorageException refused = health.refusal("count");
    assertSame(first, refused.getCause());
    assertFalse(refused.isRetryable());
    assertTrue(
        refused.getMessage().startsWith("test engine stopped serving"), refused.getMessage());
    assertTrue(refused.getMessage().contains("count refused"), refused.getMessage());
  }
}
