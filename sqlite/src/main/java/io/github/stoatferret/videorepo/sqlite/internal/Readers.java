package io.github.stoatferret.videorepo.sqlite.internal;

import static io.github.stoatferret.videorepo.sqlite.internal.EngineThreads.STOP;

import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.spi.EngineHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The reader threads: each owns one read-only connection and takes reads from a shared queue, so
 * reads run in parallel with each other and, in WAL mode, with the writer.
 */
final class Readers {

  /** How long an idle reader spins before it blocks. */
  private static final long SPIN_NANOS = 20_000;

  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
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
    for (int i = 0; i < count; i++) {
      Statements statements = connections.get(); // opened here, so open() fails fast
      Thread t = new Thread(() -> loop(statements), threadPrefix + "reader-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
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
    for (int i = 0; i < threads.size(); i++) {
      queue.add(STOP);
    }
    threads.forEach(EngineThreads::joinUninterruptibly);
  }

  private void loop(Statements statements) {
    try {
      while (true) {
        Task<?> task = next();
        if (task == null) {
          continue; // interrupted: only STOP ends a reader
        }
        if (task == STOP) {
          return;
        }
        if (deadline.passed()) {
          task.fail(deadline.refusal(task, database));
        } else {
          runRead(task, statements, database, health);
        }
      }
    } finally {
      statements.close();
    }
  }

  /**
   * Takes the next read, spinning for a few microseconds before blocking: a caller that awaits each
   * read submits the next one right after the last completes, and catching it while still awake
   * saves a park and an unpark per read (most of a fast read's cost).
   */
  private @Nullable Task<?> next() {
    long deadline = System.nanoTime() + SPIN_NANOS;
    do {
      Task<?> task = queue.poll();
      if (task != null) {
        return task;
      }
      Thread.onSpinWait();
    } while (System.nanoTime() < deadline);
    try {
      return queue.take();
    } catch (InterruptedException e) {
      return null;
    }
  }

  /**
   * Runs one read on a connection and completes its future, whatever it throws (see the catch
   * policy of {@link EngineThreads}); refuses it if the engine has failed.
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
      task.fail(EngineThreads.failure(e, task.operation + " on " + database, health));
    }
  }
}
