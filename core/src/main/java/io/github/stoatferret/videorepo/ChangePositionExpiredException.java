package io.github.stoatferret.videorepo;

import java.util.Objects;

/**
 * The change feed no longer keeps the changes after a subscriber's position (rule VR-17.4): the
 * subscriber asked to resume from a position older than the backend's retention, or fell that far
 * behind while subscribed. No change was skipped: the subscriber has every change up to {@link
 * #position()}, and the first change still kept is {@link #oldestKept()}. It must rebuild what it
 * derives from the feed (read the videos again) and subscribe from there.
 */
public final class ChangePositionExpiredException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The subscriber's position: the last change it was sent, or the one it resumed after. */
  private final ChangePosition position;

  /** The oldest change the feed still keeps. */
  private final ChangePosition oldestKept;

  /**
   * Makes the exception.
   *
   * @param position the subscriber's position
   * @param oldestKept the oldest change kept
   * @param repository which repository, for the message
   */
  public ChangePositionExpiredException(
      ChangePosition position, ChangePosition oldestKept, String repository) {
    super(
        "the change feed of "
            + repository
            + " no longer keeps the changes after position "
            + Objects.requireNonNull(position, "position")
            + ": the oldest kept is "
            + Objects.requireNonNull(oldestKept, "oldestKept")
            + "; read the videos again and follow the feed from there");
    this.position = position;
    this.oldestKept = oldestKept;
  }

  /**
   * The subscriber's position: the last change it was sent, or the position it asked to resume
   * after.
   *
   * @return the position
   */
  public ChangePosition position() {
    return position;
  }

  /**
   * The oldest change the feed still keeps.
   *
   * @return its position
   */
  public ChangePosition oldestKept() {
    return oldestKept;
  }
}
