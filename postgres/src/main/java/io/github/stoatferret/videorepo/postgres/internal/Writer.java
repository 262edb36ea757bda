package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.engine.EngineHealth;
import io.github.stoatferret.videorepo.engine.TaskQueue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The store's writer threads ("lanes"): each takes whatever writes are queued and commits them in
 * one transaction (group commit), as the SQLite engine's writer does. Every write transaction ends
 * by advancing the change log's one-row counter, whose row lock orders the commits; a group pays
 * for that lock, the log append, the {@code NOTIFY} and the commit once. Runs of adds within a
 * group are checked with one query and inserted in one batch ({@link Writes#addMany}). With more
 * than one lane, the groups' inserts and index updates (most of a group's time) run in parallel on
 * the server, and only the short tail after the counter update is serialized; two lanes that clash
 * on a key are sorted out as writers of two processes are: the second one's unique violation reruns
 * its group, whose checks then fail the clashing write alone.
 *
 * <p>Each lane has a queue of its own, and a thread's writes always go to the same lane: the writes
 * one thread issues without waiting for the previous one commit in the order it issued them, as
 * with one lane, while other threads' writes commit on other lanes at the same time. (One queue
 * that every lane takes from would let a thread's second write overtake its first.)
 *
 * <p>A write that fails a check (a clash, an absent id) fails alone: every write makes its checks
 * before it changes anything ({@link Writes}), so it has nothing to undo, and its group-mates
 * commit. A group that PostgreSQL aborts for a serialization failure, a deadlock or a unique key a
 * concurrent writer took first is run again whole ({@link Transactions}). A group that fails
 * otherwise is run again one write per transaction, so that one write the database refuses fails
 * alone; a lost connection fails the whole group, since it may have committed. A caller's stage
 * completes only after the commit that holds its write.
 */
final class Writer {

  /** The most writes one group takes: bounds the latency a group adds to its first write. */
  static final int MAX_GROUP = 256;

  /** The most new videos one group takes, so that a run of addAll calls stays one batch. */
  static final int MAX_GROUP_VIDEOS = 4096;

  private final List<TaskQueue<WriteTask<?>>> queues;
  private final Transactions tx;
  private final EngineHealth health;
  private final String catalogue;
  private final Consumer<WriteTask<?>> finished;
  private final LongAdder commits = new LongAdder();
  private final LongAdder committedWrites = new LongAdder();

  /**
   * A writer; start a thread on each of its {@link #lane}s.
   *
   * @param tx the transactions on the user's data source
   * @param catalogue the catalogue's name, for messages
   * @param finished told of every task once its stage is complete
   * @param lanes how many lanes it has
   * @param health the engine's health: an {@link Error} ends its service
   */
  Writer(
      Transactions tx,
      String catalogue,
      Consumer<WriteTask<?>> finished,
      int lanes,
      EngineHealth health) {
    this.health = health;
    this.tx = tx;
    this.catalogue = catalogue;
    this.finished = finished;
    List<TaskQueue<WriteTask<?>>> own = new ArrayList<>(lanes);
    for (int i = 0; i < lanes; i++) {
      own.add(new TaskQueue<>());
    }
    this.queues = List.copyOf(own);
  }

  /** Queues a write on the lane of the calling thread (by its id: Java 17 has no threadId()). */
  void submit(WriteTask<?> task) {
    queues.get((int) Math.floorMod(Thread.currentThread().getId(), (long) queues.size())).add(task);
  }

  /** How many writes wait for a lane, for statistics. */
  int queued() {
    return queues.stream().mapToInt(TaskQueue::size).sum();
  }

  /** How many transactions the lanes committed, for statistics. */
  long commits() {
    return commits.sum();
  }

  /** How many writes those transactions held, for statistics. */
  long committedWrites() {
    return committedWrites.sum();
  }

  /** Asks every lane to stop once every write queued before this call is done. */
  void stop() {
    queues.forEach(q -> q.stop(1));
  }

  /**
   * A lane's loop, to run on a thread of its own.
   *
   * @param index the lane, from 0
   * @return the loop
   */
  Runnable lane(int index) {
    TaskQueue<WriteTask<?>> queue = queues.get(index);
    return () -> run(queue);
  }

  private void run(TaskQueue<WriteTask<?>> queue) {
    List<WriteTask<?>> group = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      stopping =
          !queue.takeGroup(
              group, TaskQueue.FOREVER, MAX_GROUP, WriteTask::newVideos, MAX_GROUP_VIDEOS);
      try {
        if (group.size() == 1) {
          alone(group.get(0));
        } else if (!group.isEmpty()) {
          together(group);
        }
      } catch (Throwable e) {
        // A backstop: alone and together catch what they run, so this is a fault of the loop.
        // Fail what is not yet completed (completing twice changes nothing) and go on.
        for (WriteTask<?> task : group) {
          task.fail(unexpected(task.operation, e));
        }
      } finally {
        group.forEach(finished);
        group.clear();
      }
    }
  }

  /** One write in its own transaction, failing with what it throws. */
  private void alone(WriteTask<?> task) {
    if (health.failed()) {
      task.fail(health.refusal(task.operation));
      return;
    }
    try {
      Object value =
          task.work == null
              ? tx.writeLogged(
                  task.operation,
                  c -> Writes.add(c, tx.sql(), Objects.requireNonNull(task.adds).get(0)))
              : tx.write(task.operation, task.work);
      commits.increment();
      committedWrites.increment();
      task.succeed(value);
    } catch (Throwable e) { // a check's failure is the result; a fault fails this write only
      task.fail(unexpected(task.operation, e));
    }
  }

  /** The outcomes of a group's writes, by position: a value, or a check's failure. */
  @SuppressWarnings("ArrayRecordComponent") // a private holder of one group's results, by index
  private record Outcomes(@Nullable Object[] values, @Nullable Throwable[] failures) {}

  private void together(List<WriteTask<?>> group) {
    if (health.failed()) {
      group.forEach(task -> task.fail(health.refusal(task.operation)));
      return;
    }
    Outcomes outcomes;
    try {
      outcomes = tx.write(group.size() + " writes", (c, events) -> run(c, group, events));
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException s && SqlErrors.connectionLost(s)) {
        group.forEach(task -> task.fail(e)); // it may have committed: never run again
      } else {
        group.forEach(this::alone);
      }
      return;
    } catch (RuntimeException e) {
      group.forEach(this::alone);
      return;
    }
    commits.increment();
    committedWrites.add(group.size());
    for (int i = 0; i < group.size(); i++) {
      Throwable failure = outcomes.failures()[i];
      if (failure != null) {
        group.get(i).fail(failure);
      } else {
        group.get(i).succeed(Objects.requireNonNull(outcomes.values()[i]));
      }
    }
  }

  /** Runs a group's writes in order on one transaction's connection. */
  private Outcomes run(Connection c, List<WriteTask<?>> group, Consumer<VideoChangeEvent> events)
      throws SQLException {
    int n = group.size();
    @Nullable Object[] values = new Object[n];
    @Nullable Throwable[] failures = new Throwable[n];
    int i = 0;
    while (i < n) {
      if (group.get(i).adds != null) {
        int end = i;
        List<List<Video>> requests = new ArrayList<>();
        for (List<Video> adds; end < n && (adds = group.get(end).adds) != null; end++) {
          requests.add(adds);
        }
        List<@Nullable DuplicateVideoException> clashes =
            Writes.addMany(c, tx.sql(), requests, events);
        for (int k = i; k < end; k++) {
          WriteTask<?> task = group.get(k);
          List<Video> adds = requests.get(k - i);
          failures[k] = clashes.get(k - i);
          values[k] = task.single ? adds.get(0) : adds;
        }
        i = end;
      } else {
        List<VideoChangeEvent> own = new ArrayList<>(1);
        try {
          values[i] = Objects.requireNonNull(group.get(i).work).run(c, own::add);
          own.forEach(events);
        } catch (VideoRepositoryException e) {
          failures[i] = e; // thrown by a check, before the write changed anything (see Writes)
        }
        i++;
      }
    }
    return new Outcomes(values, failures);
  }

  /** What a write's stage fails with for what its lane caught ({@link EngineHealth#failure}). */
  private RuntimeException unexpected(String operation, Throwable e) {
    return health.failure(e, operation + " on " + catalogue, SqlErrors::storage);
  }
}
