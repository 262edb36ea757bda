package io.github.stoatferret.videorepo.sqlite.internal;

/**
 * How much of the change log the engine keeps, and how much of the feed it buffers.
 *
 * <p>A change is pruned once either limit lets it go, at most {@link #pruneStep()} positions late;
 * the latest change is always kept, since the next position follows it.
 *
 * @param changes how many of the latest changes are kept
 * @param ageMicros how old a kept change may be, in microseconds; 0 for no limit by age
 * @param buffer how many undelivered changes a live subscriber may have
 */
public record ChangeRetention(long changes, long ageMicros, int buffer) {

  /**
   * How many positions the log may grow between two prunes: a quarter of the retention, so that the
   * log holds at most 1.25 times what it must, and a prune is rare.
   *
   * @return the step, at least 1
   */
  long pruneStep() {
    return Math.max(1, Math.min(changes / 4, 4_096));
  }
}
