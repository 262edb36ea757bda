package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoRepositoryException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The reader threads: each owns one read-only connection and takes reads from a shared queue, so
 * reads run in parallel with each other and, in WAL mode, with the writer.
 */
final class Readers {

  private static final Task<Void> STOP = new Task<>("stop", false, (s, e) -> null, Runnable::run);

  /** How long an idle reader spins before it blocks. */
  private static final long SPIN_NANOS = 20_000;

  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final String database;

  Readers(int count, Supplier<Statements> connections, String database, String threadPrefix) {
    this.database = database;
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

  /** Stops every reader once the reads queued before this call are done, and waits for them. */
  void stop() {
    for (int i = 0; i < threads.size(); i++) {
      queue.add(STOP);
    }
    threads.forEach(Readers::joinUninterruptibly);
  }

  /** Waits for a thread to end, keeping (not acting on) an interrupt that comes meanwhile. */
  static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
        runRead(task, statements, database);
      }
    } finally {
      statements.close();
    }
  }

  /**
   * Takes the next read, spinning for a few microseconds before blocking: a caller that awaits
   * each read submits the next one right after the last completes, and catching it while still
   * awake saves a park and an unpark per read (most of a fast read's cost).
   */
  private Task<?> next() {
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

  /** Runs one read on a connection and completes its future. */
  static void runRead(Task<?> task, Statements statements, String database) {
    try {
      task.succeed(task.work.run(statements, e -> { }));
    } catch (SQLException e) {
      statements.reset();
      task.fail(SqlErrors.storage(task.operation + " on " + database, e));
    } catch (VideoRepositoryException | IllegalArgumentException | NullPointerException e) {
      task.fail(e);
    }
  }
}
