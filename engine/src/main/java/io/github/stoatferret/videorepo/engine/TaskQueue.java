package io.github.stoatferret.videorepo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The queue an engine's threads take tasks from, with a stop mark: {@link #stop} puts one mark per
 * taking thread behind the tasks queued so far, and a thread ends when it takes a mark, so every
 * task queued before close runs. Waits are not interruptible for the same reason: only the mark
 * ends a taker, never an interrupt that would drop what is queued. Thread-safe.
 *
 * @param <T> the task type
 */
public final class TaskQueue<T> {

  /** For {@link #takeGroup}: wait for the first task as long as it takes. */
  public static final long FOREVER = -1;

  private static final Object STOP = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

  /** Makes an empty queue. */
  public TaskQueue() {}

  /**
   * Queues a task.
   *
   * @param task the task
   */
  public void add(T task) {
    queue.add(task);
  }

  /**
   * Asks the takers to end once the tasks queued before this call are taken.
   *
   * @param takers how many threads take from the queue: each ends at the first mark it takes
   */
  public void stop(int takers) {
    for (int i = 0; i < takers; i++) {
      queue.add(STOP);
    }
  }

  /**
   * How many tasks wait, for statistics.
   *
   * @return the count
   */
  public int size() {
    return queue.size();
  }

  /**
   * Whether no task waits.
   *
   * @return {@code true} if the queue is empty
   */
  public boolean isEmpty() {
    return queue.isEmpty();
  }

  /**
   * Takes the next task, waiting for one.
   *
   * @return the task, or {@code null} for a stop mark
   */
  public @Nullable T take() {
    return take(0);
  }

  /**
   * Takes the next task, polling for a while before it blocks: a caller that awaits each operation
   * submits the next one right after the last completes, and a taker still awake catches it without
   * a park and an unpark (most of a fast read's cost).
   *
   * @param spinNanos how long to poll before blocking
   * @return the task, or {@code null} for a stop mark
   */
  @SuppressWarnings("unchecked") // only add() puts anything but STOP in
  public @Nullable T take(long spinNanos) {
    Object next = null;
    if (spinNanos > 0) {
      long deadline = System.nanoTime() + spinNanos;
      while ((next = queue.poll()) == null && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    }
    if (next == null) {
      next = first(FOREVER);
    }
    return next == STOP ? null : (T) next;
  }

  /**
   * The next element, a task or a stop mark, waiting as {@code waitNanos} says.
   *
   * @return the element, or {@code null} if none came in time (or a bounded wait was interrupted)
   */
  private @Nullable Object first(long waitNanos) {
    if (waitNanos == FOREVER) {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          // Only the stop mark ends a taker, so that no queued task is dropped.
        }
      }
    }
    try {
      return waitNanos == 0 ? queue.poll() : queue.poll(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return null; // not a stop: the caller comes back
    }
  }

  /**
   * Takes a group: the next task, then those queued behind it, until the group holds {@code
   * maxTasks} tasks or their weights add up to {@code maxWeight}, the queue is empty, or a stop
   * mark comes (which is taken, the tasks behind it left).
   *
   * @param group receives the tasks, in queue order
   * @param waitNanos how long to wait for the first task: {@link #FOREVER}, 0 for not at all, or a
   *     bound; an interrupt ends a bounded wait early, with nothing taken
   * @param maxTasks the most tasks in a group, at least 1
   * @param weight a task's weight (e.g. the videos it adds)
   * @param maxWeight the weight at which a group is full
   * @return {@code false} if a stop mark was taken (the tasks before it are in the group, to be run
   *     before the thread ends), else {@code true}
   */
  @SuppressWarnings("unchecked") // only add() puts anything but STOP in
  public boolean takeGroup(
      List<? super T> group,
      long waitNanos,
      int maxTasks,
      ToIntFunction<? super T> weight,
      int maxWeight) {
    Object next = first(waitNanos);
    int weighed = 0;
    for (int taken = 0; next != null; next = queue.poll()) {
      if (next == STOP) {
        return false;
      }
      T task = (T) next;
      group.add(task);
      weighed += weight.applyAsInt(task);
      if (++taken == maxTasks || weighed >= maxWeight) {
        break;
      }
    }
    return true;
  }

  /**
   * {@link #takeGroup(List, long, int, ToIntFunction, int)} bounded by the number of tasks only.
   * The tasks behind the first are taken in one hold of the queue's lock ({@code drainTo}) rather
   * than one poll each: producers that find the queue empty take that lock too, to signal a waiting
   * taker, and with 64 of them a poll per task cost the SQLite writer about 10% of its throughput
   * (docs/benchmarks.md, "The shared engine layer").
   *
   * @param group receives the tasks, in queue order
   * @param waitNanos how long to wait for the first task
   * @param maxTasks the most tasks in a group
   * @return {@code false} if a stop mark was taken, else {@code true}
   */
  @SuppressWarnings("unchecked") // only add() puts anything but STOP in
  public boolean takeGroup(List<? super T> group, long waitNanos, int maxTasks) {
    Object next = first(waitNanos);
    if (next == null) {
      return true;
    }
    List<Object> taken = new ArrayList<>();
    taken.add(next);
    queue.drainTo(taken, maxTasks - 1);
    for (int i = 0; i < taken.size(); i++) {
      Object o = taken.get(i);
      if (o == STOP) {
        // What follows the mark is other takers' marks (tasks come before stop): give them back.
        queue.addAll(taken.subList(i + 1, taken.size()));
        return false;
      }
      group.add((T) o);
    }
    return true;
  }
}
