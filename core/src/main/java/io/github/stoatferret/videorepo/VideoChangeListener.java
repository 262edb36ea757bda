package io.github.stoatferret.videorepo;

/**
 * Receives every committed change of a repository: the audit hook.
 *
 * <p>A backend that supports listeners takes one when it is built and calls it once per committed
 * change, in commit order, never for a failed operation, and never from two threads at once. An
 * exception thrown here is logged and otherwise ignored: it never fails the operation that caused
 * the event. Events may arrive after the operation's stage has completed; a slow listener delays
 * later events, not the repository's operations.
 */
@FunctionalInterface
public interface VideoChangeListener {

  /** A listener that ignores every event. */
  VideoChangeListener NONE = event -> {};

  /**
   * Called once for each committed change.
   *
   * @param event the change
   */
  void onChange(VideoChangeEvent event);
}
