package example.backend;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The asynchronous shape of a backend, as the README's section for authors describes it: every
 * operation runs on one worker thread of the backend's own, and the caller gets the stage of a
 * {@link BackendFuture.Completer} that the worker completes. Callbacks run on a separate callback pool,
 * never on the worker, so a callback that calls the repository and waits for it (rule VR-1.11)
 * does not wait for the very thread it occupies.
 */
public class WorkerVideoRepository extends MapVideoRepository {

  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("worker"));
  private final ExecutorService callbackPool = Executors.newCachedThreadPool(daemon("callback"));
  /** After close the pool refuses work: a late callback then runs where it is attached. */
  private final Executor callbacks = task -> {
    try {
      callbackPool.execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  };

  @Override
  protected <T> CompletionStage<T> run(Supplier<T> work) {
    BackendFuture.Completer<T> result = BackendFuture.engineOwned(callbacks);
    try {
      // The map's own run checks "closed" first (VR-1.4) and turns the work's exceptions into
      // the specified failures (Stages.run, VR-1.8); here it runs on the worker.
      worker.execute(() -> WorkerVideoRepository.super.run(work).whenComplete((value, failure) -> {
        if (failure == null) {
          result.succeed(value);
        } else {
          result.fail(failure);
        }
      }));
    } catch (RejectedExecutionException e) {
      result.fail(new RepositoryClosedException("worker repository is closed"));
    }
    return result.stage();
  }

  @Override
  public void close() {
    super.close(); // operations still queued now fail with RepositoryClosedException (VR-12.2)
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    callbackPool.shutdown();
  }

  private static ThreadFactory daemon(String role) {
    return task -> {
      Thread thread = new Thread(task, "worker-repository-" + role);
      thread.setDaemon(true);
      return thread;
    };
  }
}
