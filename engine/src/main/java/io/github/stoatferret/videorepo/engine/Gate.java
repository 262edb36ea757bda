package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import io.github.stoatferret.videorepo.spi.Stages;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where every call of an engine comes in. {@link #admit} counts the call in ({@link Admission}),
 * refuses it once the engine is closed (VR-12.1) or has failed ({@link EngineHealth}), runs its
 * argument checks on the caller's thread, so that bad input fails the stage at once and changes
 * nothing (VR-1.8), and then starts it with the handle that completes the caller's stage. The
 * handle's stage runs callbacks on the engine's callback executor (VR-1.10, VR-1.11). Thread-safe.
 */
public final class Gate {

  private final Admission admission = new Admission();
  private final String engine;
  private final EngineHealth health;
  private final Executor callbacks;

  /**
   * Makes an open gate.
   *
   * @param engine the engine as messages name it, e.g. {@code "SQLite repository videos.db"}
   * @param callbacks where callbacks on the stages run
   */
  public Gate(String engine, Executor callbacks) {
    this.engine = engine;
    this.health = new EngineHealth(engine);
    this.callbacks = callbacks;
  }

  /**
   * The engine's health, which the gate consults for every call.
   *
   * @return the health
   */
  public EngineHealth health() {
    return health;
  }

  /**
   * Admits a call. {@code call} checks the arguments and returns what starts the operation; it runs
   * on the caller's thread, and the start runs inside the admission window, so {@link #close} waits
   * until it has queued (or run) the operation.
   *
   * @param operation the operation's name, for messages
   * @param call checks the arguments, then gives the start, which receives the handle on the stage
   * @param <T> the result type
   * @return the caller's stage
   */
  public <T> CompletionStage<T> admit(
      String operation, Supplier<Consumer<BackendFuture.Completer<T>>> call) {
    if (!admission.enter()) {
      return Stages.failed(
          new RepositoryClosedException(engine + " is closed; " + operation + " refused"));
    }
    try {
      if (health.failed()) {
        return Stages.failed(health.refusal(operation));
      }
      Consumer<BackendFuture.Completer<T>> start;
      try {
        start = call.get();
      } catch (RuntimeException e) { // the argument checks' InvalidArgumentException, or a bug
        return Stages.failed(Stages.specified(e));
      }
      BackendFuture.Completer<T> result = BackendFuture.engineOwned(callbacks);
      start.accept(result);
      return result.stage();
    } finally {
      admission.exit();
    }
  }

  /**
   * Shuts the gate and waits until every call inside has started its operation.
   *
   * @return {@code true} for the call that closed it, {@code false} if it was closed already
   */
  public boolean close() {
    return admission.close();
  }

  /**
   * Whether {@link #close} has begun.
   *
   * @return {@code true} after the first close
   */
  public boolean isClosed() {
    return admission.isClosed();
  }
}
