package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.engine.ChangeCounts;
import io.github.stoatferret.videorepo.engine.CloseDeadline;
import io.github.stoatferret.videorepo.engine.EngineHealth;
import io.github.stoatferret.videorepo.engine.Micros;
import io.github.stoatferret.videorepo.engine.TaskQueue;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one thread that owns the writer connection. It takes whatever tasks are queued and commits
 * each run of consecutive writes in one transaction (group commit): one lock, one WAL append and at
 * most one sync for the whole group. A write that fails a check (a clash, an absent id) fails alone
 * and its group-mates still commit: a write that fails a check has changed nothing ({@link
 * Writes}), so it has nothing to undo. (Savepoints would do the same, but each one makes SQLite's
 * full-text index flush its pending changes, which cost a third of the writer's time.) Anything
 * else a write throws (an SQL error, an unexpected exception, an {@code Error}) fails the whole
 * group after a rollback, as the failure policy of {@link
 * io.github.stoatferret.videorepo.engine.EngineHealth#failure} says; the thread itself goes on. A
 * caller's stage completes only after the commit that holds its write.
 *
 * <p>For an in-memory database, which has no other connections, it also runs the reads, in queue
 * order between the groups. Between groups it runs the search index's merge steps when the {@link
 * MergeScheduler} says so (idle, or asked by {@code optimize}, {@link Task.Kind#MERGE}).
 */
final class Writer implements Runnable {

  private static final String COUNT_CHANGE = "UPDATE video_count SET n = n + ?";

  /** The most tasks one group takes: bounds the latency a group adds to its first write. */
  static final int MAX_GROUP = 1024;

  private final TaskQueue<Task<?>> queue = new TaskQueue<>();
  private final Statements statements;
  private final String database;
  private final EventDispatcher events;
  private final ChangeHub feed;
  private final ChangeRetention retention;
  private final EngineHealth health;
  private final Runnable afterCommit;
  private final CloseDeadline deadline;
  private final MergeScheduler merges;

  // Written by the writer thread only, read by statistics(): volatile is enough.
  private volatile long commits;
  private volatile long groupedWrites;
  // The writer's own: the latest position it logged, and where it last pruned the log.
  private long lastPosition;
  private long prunedAt;

  /**
   * A writer.
   *
   * @param afterCommit told after each commit (the {@link Checkpointer}); must not block
   * @param deadline after it, queued tasks are refused instead of run
   */
  Writer(
      Statements statements,
      String database,
      EventDispatcher events,
      ChangeHub feed,
      ChangeRetention retention,
      long lastPosition,
      EngineHealth health,
      Runnable afterCommit,
      CloseDeadline deadline) {
    this.deadline = deadline;
    this.statements = statements;
    this.database = database;
    this.events = events;
    this.feed = feed;
    this.retention = retention;
    this.lastPosition = lastPosition;
    this.prunedAt = lastPosition;
    this.health = health;
    this.afterCommit = afterCommit;
    this.merges = new MergeScheduler(health, database);
  }

  void submit(Task<?> task) {
    queue.add(task);
  }

  /** How many tasks wait for the writer, for statistics. */
  int queued() {
    return queue.size();
  }

  /** How many group commits the writer made, for statistics. */
  long commits() {
    return commits;
  }

  /** How many writes those commits held, for statistics: their mean group size is the ratio. */
  long groupedWrites() {
    return groupedWrites;
  }

  /** Asks the thread to stop once every task queued before this call is done. */
  void stop() {
    queue.stop(1);
  }

  @Override
  public void run() {
    List<Task<?>> batch = new ArrayList<>();
    List<Task<?>> group = new ArrayList<>();
    boolean stopping = false;
    try {
      while (!stopping) {
        stopping = !queue.takeGroup(batch, merges.waitNanos(), MAX_GROUP);
        if (batch.isEmpty() && !stopping) {
          mergeSteps(); // nothing came: the merge asked for, or due, runs meanwhile
          continue;
        }
        try {
          for (Task<?> task : batch) {
            if (deadline.passed()) {
              task.fail(deadline.refusal(task.operation, database));
            } else if (task.kind == Task.Kind.WRITE) {
              group.add(task);
            } else if (task.kind == Task.Kind.MERGE) {
              merges.request(task);
            } else {
              commit(group);
              Readers.runRead(task, statements, database, health);
            }
          }
          commit(group);
        } catch (Throwable e) {
          // A backstop: commit and runRead catch everything they run, so this is a fault in the
          // loop itself. Fail what is not yet completed (completing twice changes nothing) and
          // keep serving, so that no stage is left pending and the stop is still honoured.
          for (Task<?> task : batch) {
            task.fail(failure(e, task.operation + " on " + database));
          }
          merges.forget(batch);
        } finally {
          group.clear();
          batch.clear();
        }
        if (merges.requested()) {
          // At least one step per group, so that writes cannot hold a requested merge off. After
          // the stop the queue stays empty, so a merge asked for before close is finished here.
          mergeSteps();
        }
      }
    } finally {
      statements.close();
      // Only reached with requests left if something escaped every catch above; never leave
      // their stages pending.
      merges.failRequests(
          new StorageException(
              "optimize on " + database + " refused: the writer thread ended", null, false));
    }
  }

  private RuntimeException failure(Throwable e, String operation) {
    return health.failure(e, operation, SqlErrors::storage);
  }

  private void mergeSteps() {
    merges.steps(statements, queue::isEmpty, afterCommit);
  }

  @SuppressWarnings("NonAtomicVolatileUpdate") // commits and groupedWrites: this thread only
  private void commit(List<Task<?>> group) {
    if (group.isEmpty()) {
      return;
    }
    if (health.failed()) {
      for (Task<?> task : group) {
        task.fail(health.refusal(task.operation));
      }
      group.clear();
      return;
    }
    int n = group.size();
    Object[] values = new Object[n];
    Throwable[] failures = new Throwable[n];
    List<VideoChangeEvent> committed = new ArrayList<>();
    List<ChangeFeedEvent> logged;
    boolean pruned = false;
    try {
      statements.execute("BEGIN IMMEDIATE");
      for (int i = 0; i < n; i++) {
        Task<?> task = group.get(i);
        List<VideoChangeEvent> taskEvents = new ArrayList<>(1);
        try {
          values[i] = task.work.run(statements, taskEvents::add);
          committed.addAll(taskEvents);
        } catch (VideoRepositoryException e) {
          failures[i] = e; // thrown by a check, before the write changed anything (see Writes)
        }
      }
      statements.searchIndex().flush(statements);
      countChanges(committed);
      long now = Micros.of(Instant.now());
      logged = ChangeLog.append(statements, committed, now); // numbered under the write lock
      long last =
          logged.isEmpty() ? lastPosition : logged.get(logged.size() - 1).position().value();
      if (last - prunedAt >= retention.pruneStep()) {
        ChangeLog.prune(statements, last, retention, now);
        pruned = true;
      }
      statements.execute("COMMIT");
    } catch (Throwable e) {
      // The storage failed (full, I/O, locked) or something unexpected was thrown part-way
      // through a write: the transaction is lost as a whole.
      rollback();
      statements.searchIndex().clear();
      statements.reset();
      for (Task<?> task : group) {
        task.fail(failure(e, task.operation + " on " + database));
      }
      group.clear();
      return;
    }
    commits++;
    groupedWrites += n;
    if (!logged.isEmpty()) {
      lastPosition = logged.get(logged.size() - 1).position().value();
    }
    if (pruned) {
      prunedAt = lastPosition;
    }
    afterCommit.run();
    merges.committed(committed.size());
    for (VideoChangeEvent e : committed) {
      events.publish(e);
    }
    for (ChangeFeedEvent e : logged) {
      feed.publish(e);
    }
    events.deliver();
    feed.deliver();
    for (int i = 0; i < n; i++) {
      if (failures[i] != null) {
        group.get(i).fail(failures[i]);
      } else {
        group.get(i).succeed(values[i]);
      }
    }
    group.clear();
  }

  /** Adds the group's net number of new videos to the stored count (schema V2), once. */
  private void countChanges(List<VideoChangeEvent> committed) throws SQLException {
    long delta = ChangeCounts.netNewVideos(committed);
    if (delta != 0) {
      PreparedStatement ps = statements.get(COUNT_CHANGE);
      ps.setLong(1, delta);
      ps.executeUpdate();
    }
  }

  private void rollback() {
    try {
      statements.execute("ROLLBACK");
    } catch (SQLException | RuntimeException ignored) {
      // SQLite may have rolled back already (after SQLITE_FULL or an I/O error), or no
      // transaction was open (BEGIN itself failed)
    }
  }
}
