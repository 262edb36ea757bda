package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.spi.Arguments;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Admission: bad input fails the stage and starts nothing; closed and failed engines refuse. */
class GateTest {

  private final Gate gate = new Gate("test engine", Runnable::run);

  private static Throwable failureOf(CompletionStage<?> stage) {
    CompletionException e =
        assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
    return e.getCause();
  }

  @Test
  void anAdmittedCallStartsWithTheHandleOnItsStage() {
    CompletionStage<String> stage = gate.admit("get", () -> result -> result.succeed("found"));
    assertEquals("found", stage.toCompletableFuture().join());
  }

  @Test
  void badInputFailsTheStageAndStartsNothing() {
    AtomicBoolean started = new AtomicBoolean();
    CompletionStage<String> stage =
        gate.admit(
            "get",
            () -> {
              Arguments.notNull(null, "id");
              return result -> started.set(true);
            });
    InvalidArgumentException e = assertInstanceOf(InvalidArgumentException.class, failureOf(stage));
    assertEquals("id", e.parameter());
    assertFalse(started.get());
  }

  @Test
  void aClosedGateRefusesNamingTheEngineAndTheOperation() {
    assertTrue(gate.close());
    assertTrue(gate.isClosed());
    Throwable e = failureOf(gate.admit("add", () -> result -> result.succeed("never")));
    assertInstanceOf(RepositoryClosedException.class, e);
    assertTrue(
        e.getMessage().contains("test engine") && e.getMessage().contains("add"), e.getMessage());
    assertFalse(gate.close(), "closes once");
  }

  @Test
  void aFailedEngineRefusesEveryCall() {
    gate.health().fail(new OutOfMemoryError("test"));
    Throwable e = failureOf(gate.admit("add", () -> result -> result.succeed("never")));
    assertInstanceOf(StorageException.class, e);
    assertInstanceOf(OutOfMemoryError.class, e.getCause());
  }
}
