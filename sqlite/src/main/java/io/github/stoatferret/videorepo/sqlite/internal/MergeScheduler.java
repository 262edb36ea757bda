package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.engine.EngineHealth;
import io.github.stoatferret.videorepo.engine.TaskQueue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When the writer merges the search index ({@link SearchIndexMerger}), and the callers of {@code
 * optimize} waiting for it. Owned by the writer thread: not thread-safe.
 *
 * <p>Three ways the writer waits for its next task follow from it ({@link #waitNanos}): not at all
 * while a caller waits for a merge (a step runs after every group, so writes cannot hold it off);
 * {@link #IDLE_MILLIS} while a merge is merely due (then steps run until a task comes); as long as
 * it takes otherwise.
 */
final class MergeScheduler {

  private static final System.Logger LOG = System.getLogger(MergeScheduler.class.getName());

  /**
   * How long the queue must stay empty before index merging starts: longer than the gap between the
   * calls of a caller writing in a loop (a bulk import), which should not pay for merges.
   */
  static final long IDLE_MILLIS = 100;

  private final SearchIndexMerger merger = new SearchIndexMerger();
  private final EngineHealth health;
  private final String database;

  /** Callers of {@code optimize}, completed when the merge they asked for is done. */
  private final List<Task<?>> requests = new ArrayList<>();

  MergeScheduler(EngineHealth health, String database) {
    this.health = health;
    this.database = database;
  }

  /** How long the writer may wait for its next task before it runs merge steps. */
  long waitNanos() {
    if (!requests.isEmpty()) {
      return 0;
    }
    if (merger.due() && !health.failed()) {
      return TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS);
    }
    return TaskQueue.FOREVER;
  }

  /** A caller's {@code optimize}: completed once the index is merged. */
  void request(Task<?> task) {
    merger.request();
    requests.add(task);
  }

  /** Whether a caller waits for a merge: the writer then runs a step after every group. */
  boolean requested() {
    return !requests.isEmpty();
  }

  /** Forgets requests the writer has failed itself (its backstop). */
  void forget(Collection<Task<?>> failed) {
    requests.removeAll(failed);
  }

  /** Counts a commit's index changes towards the next full merge. */
  void committed(int changes) {
    merger.committed(changes);
  }

  /**
   * Runs merge steps, at least one, while the merge is due and no task is queued, then completes
   * the requests if the index is merged. A failed step is rolled back and merging waits for more
   * writes (searches are correct with the index merged or not); the requests fail with it. An
   * {@code Error} stops the engine as it would in a write, so that every later call fails rather
   * than waits.
   *
   * @param statements the writer's connection
   * @param queueEmpty whether no task waits: a step is the longest a task waits
   * @param afterStep told after each step, a transaction of its own (the checkpointer)
   */
  void steps(Statements statements, BooleanSupplier queueEmpty, Runnable afterStep) {
    do {
      if (health.failed()) {
        merger.postpone();
        failRequests(health.refusal("optimize"));
        return;
      }
      try {
        merger.step(statements);
        afterStep.run();
      } catch (Throwable e) {
        merger.postpone();
        statements.reset();
        RuntimeException failure =
            health.failure(e, "merging the search index of " + database, SqlErrors::storage);
        if (requests.isEmpty()) {
          LOG.log(
              Level.WARNING,
              "merging the search index failed; it is retried after more"
                  + " writes, and searches stay correct meanwhile",
              failure);
        }
        failRequests(failure);
        return;
      }
    } while (merger.due() && queueEmpty.getAsBoolean());
    if (!merger.due()) {
      completeRequests();
    }
  }

  /** Fails every waiting request: never leave a stage pending. */
  void failRequests(RuntimeException failure) {
    for (Task<?> request : requests) {
      request.fail(failure);
    }
    requests.clear();
  }

  @SuppressWarnings("NullAway") // a request's stage is a Void one: null is its only value
  private void completeRequests() {
    for (Task<?> request : requests) {
      request.succeed(null);
    }
    requests.clear();
  }
}
