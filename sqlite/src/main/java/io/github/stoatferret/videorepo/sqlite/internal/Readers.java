package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.engine.CloseDeadline;
import io.github.stoatferret.videorepo.engine.EngineHealth;
import io.github.stoatferret.videorepo.engine.EngineThreads;
import io.github.stoatferret.videorepo.engine.TaskQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reader threads: each owns one read-only connection and takes reads from a shared queue, so
 * reads run in parallel with each other and, in WAL mode, with the writer.
 */
final class Readers {

  /**
   * How long an idle reader polls before it blocks: a caller awaiting each read submits the next
   * right after, and a reader still awake saves a park and an unpark per read.
   */
  private static final long SPIN_NANOS = 20_000;

  private final TaskQueue<Task<?>> queue = new TaskQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final String database;
  private final EngineHealth health;
  private final CloseDeadline deadline;

  Readers(
      int count,
      Supplier<Statements> connections,
      String database,
      String threadPrefix,
      EngineHealth health,
      CloseDeadline deadline) {
    this.database = database;
    this.deadline = deadline;
    this.health = health;
    List<Statements> opened = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opened.add(connections.get()); // opened here, so open() fails fast
    }
    for (int i = 0; i < count; i++) {
      Statements statements = opened.get(i);
      threads.add(EngineThreads.start(() -> loop(statements), threadPrefix + "reader-" + i));
    }
  }

  void submit(Task<?> task) {
    queue.add(task);
  }

  /** How many reads wait for a reader, for statistics. */
  int queued() {
    return queue.size();
  }

  /** Stops every reader once the reads queued before this call are done, and waits for them. */
  void stop() {
    queue.stop(threads.size());
    threads.forEach(EngineThreads::joinUninterruptibly);
  }

  private void loop(Statements statements) {
    try {
      for (Task<?> task; (task = queue.take(SPIN_NANOS)) != null; ) {
        if (deadline.passed()) {
          task.fail(deadline.refusal(task.operation, database));
        } else {
          runRead(task, statements, database, health);
        }
      }
    } finally {
      statements.close();
    }
  }

  /**
   * Runs one read on a connection and completes its future, whatever it throws ({@link
   * EngineHealth#failure}); refuses it if the engine has failed.
   */
  static void runRead(Task<?> task, Statements statements, String database, EngineHealth health) {
    if (health.failed()) {
      task.fail(health.refusal(task.operation));
      return;
    }
    try {
      task.succeed(task.work.run(statements, e -> {}));
    } catch (Throwable e) {
      if (!(e instanceof VideoRepositoryException)) {
        statements.reset(); // the driver may have closed a statement we cache
      }
      task.fail(health.failure(e, task.operation + " on " + database, SqlErrors::storage));
    }
  }
}
