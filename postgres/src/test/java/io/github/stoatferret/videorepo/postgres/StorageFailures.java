package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stoatferret.videorepo.StorageException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** What the fault-injection tests expect of a failed stage. */
final class StorageFailures {

  private StorageFailures() {}

  /**
   * Waits for a stage that must fail with a {@link StorageException}.
   *
   * @param stage the stage
   * @return its failure
   */
  static StorageException of(CompletionStage<?> stage) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get());
    return assertInstanceOf(StorageException.class, e.getCause());
  }
}
