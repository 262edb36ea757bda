package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread that owns the writer connection. It takes whatever tasks are queued and commits
 * each run of consecutive writes in one transaction (group commit): one lock, one WAL append and
 * at most one sync for the whole group. A write that fails a check (a clash, an absent id)
 * fails alone and its group-mates still commit: every write makes all its checks before it
 * changes anything ({@link Writes}), so a failed write has nothing to undo. (Savepoints would do
 * the same, but each one makes SQLite's full-text index flush its pending changes, which cost a
 * third of the writer's time.) Any SQL error is a storage failure: the whole group rolls back and
 * fails. A caller's stage completes only after the commit that holds its write.
 *
 * <p>For an in-memory database, which has no other connections, it also runs the reads, in queue
 * order between the groups.
 */
final class Writer implements Runnable {

  /** The most tasks one group takes: bounds the latency a group adds to its first write. */
  static final int MAX_GROUP = 1024;

  private static final Task<Void> STOP = new Task<>("stop", false, (s, e) -> null, Runnable::run);

  private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
  private final Statements statements;
  private final String database;
  private final EventDispatcher events;

  Writer(Statements statements, String database, EventDispatcher events) {
    this.statements = statements;
    this.database = database;
    this.events = events;
  }

  void submit(Task<?> task) {
    queue.add(task);
  }

  /** Asks the thread to stop once every task queued before this call is done. */
  void stop() {
    queue.add(STOP);
  }

  @Override
  public void run() {
    List<Task<?>> batch = new ArrayList<>();
    List<Task<?>> group = new ArrayList<>();
    boolean stopping = false;
    try {
      while (!stopping) {
        batch.add(take());
        queue.drainTo(batch, MAX_GROUP - 1);
        for (Task<?> task : batch) {
          if (task == STOP) {
            stopping = true;
          } else if (task.write) {
            group.add(task);
          } else {
            commit(group);
            Readers.runRead(task, statements, database);
          }
        }
        commit(group);
        batch.clear();
      }
    } finally {
      statements.close();
    }
  }

  private Task<?> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only close() ends this thread, through STOP, so that no queued write is dropped.
      }
    }
  }

  private void commit(List<Task<?>> group) {
    if (group.isEmpty()) {
      return;
    }
    int n = group.size();
    Object[] values = new Object[n];
    Throwable[] failures = new Throwable[n];
    List<VideoChangeEvent> committed = new ArrayList<>();
    try {
      statements.execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      failAll(group, e);
      return;
    }
    for (int i = 0; i < n; i++) {
      Task<?> task = group.get(i);
      List<VideoChangeEvent> taskEvents = new ArrayList<>(1);
      try {
        values[i] = task.work.run(statements, taskEvents::add);
        committed.addAll(taskEvents);
      } catch (VideoRepositoryException | IllegalArgumentException | NullPointerException e) {
        failures[i] = e; // thrown by a check, before the write changed anything (see Writes)
      } catch (SQLException e) {
        // The storage itself failed (full, I/O, locked): the transaction is lost as a whole.
        rollback();
        failAll(group, e);
        return;
      }
    }
    try {
      statements.execute("COMMIT");
    } catch (SQLException e) {
      rollback();
      failAll(group, e);
      return;
    }
    for (VideoChangeEvent e : committed) {
      events.publish(e);
    }
    events.deliver();
    for (int i = 0; i < n; i++) {
      if (failures[i] != null) {
        group.get(i).fail(failures[i]);
      } else {
        group.get(i).succeed(values[i]);
      }
    }
    group.clear();
  }

  private void rollback() {
    try {
      statements.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // SQLite may have rolled back already (after SQLITE_FULL or an I/O error)
    }
  }

  private void failAll(List<Task<?>> group, SQLException cause) {
    statements.reset();
    for (Task<?> task : group) {
      task.fail(SqlErrors.storage(task.operation + " on " + database, cause));
    }
    group.clear();
  }
}
