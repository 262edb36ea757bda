package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The last changes of a repository held in memory, as its {@link ChangeHistory}: the retention of a
 * backend that keeps no log of its own. Positions are consecutive (1, 2, 3, ...), so a read finds
 * its start by arithmetic in a ring of fixed size. Thread-safe.
 */
public final class ChangeWindow implements ChangeHistory {

  private final ChangeFeedEvent[] ring;
  private final String repository;
  // Guarded by this: the position of the latest change, 0 before the first.
  private long last;

  /**
   * Makes an empty window.
   *
   * @param capacity how many of the latest changes it keeps, at least 1
   * @param repository which repository, for messages
   */
  public ChangeWindow(int capacity, String repository) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.ring = new ChangeFeedEvent[capacity];
    this.repository = repository;
  }

  /**
   * The position the next change must have.
   *
   * @return one after the latest
   */
  public synchronized ChangePosition next() {
    return new ChangePosition(last + 1);
  }

  /**
   * Adds the next change, dropping the oldest if the window is full.
   *
   * @param event the change, at position {@link #next()}
   * @throws IllegalArgumentException if it is at another position
   */
  public synchronized void append(ChangeFeedEvent event) {
    if (event.position().value() != last + 1) {
      throw new IllegalArgumentException(
          "change at " + event.position() + " does not follow the last one, " + last);
    }
    last++;
    ring[(int) (last % ring.length)] = event;
  }

  @Override
  public synchronized CompletionStage<List<ChangeFeedEvent>> readAfter(
      ChangePosition after, int max) {
    long oldest = Math.max(1, last - ring.length + 1);
    if (after.value() < last && after.value() + 1 < oldest) {
      return Stages.failed(
          new ChangePositionExpiredException(after, new ChangePosition(oldest), repository));
    }
    List<ChangeFeedEvent> out = new ArrayList<>();
    for (long p = after.value() + 1; p <= last && out.size() < max; p++) {
      out.add(ring[(int) (p % ring.length)]);
    }
    return Stages.readOnly(CompletableFuture.completedFuture(out));
  }
}
