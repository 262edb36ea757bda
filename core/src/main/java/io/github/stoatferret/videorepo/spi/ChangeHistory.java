package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The changes a backend keeps, read by a {@link ChangeHub} for a subscriber that resumes from a
 * position or has fallen behind its buffer: a table written in the same transaction as the videos
 * (SQLite, PostgreSQL), or a {@link ChangeWindow} in memory.
 */
@FunctionalInterface
public interface ChangeHistory {

  /**
   * Reads the kept changes after a position, in commit order.
   *
   * @param after the position the reader has
   * @param max the most changes to return, at least 1
   * @return the changes with positions greater than {@code after}, ascending, at most {@code max};
   *     fewer than {@code max} only if no more had committed when it read. It fails with {@link
   *     io.github.stoatferret.videorepo.ChangePositionExpiredException} if changes after {@code
   *     after} are no longer kept, and with any other exception of VR-1.8 if reading fails.
   */
  CompletionStage<List<ChangeFeedEvent>> readAfter(ChangePosition after, int max);
}
