package io.github.stoatferret.videorepo;

/**
 * A thread waiting in a {@link BlockingVideoRepository} call was interrupted. The thread's
 * interrupt flag is set again before this is thrown. The operation itself was not cancelled: it may
 * still take effect.
 */
public final class WaitInterruptedException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param operation the operation waited for, e.g. {@code "add"}
   * @param cause the interruption
   */
  public WaitInterruptedException(String operation, InterruptedException cause) {
    super(
        "interrupted while waiting for " + operation + "; the operation may still take effect",
        cause);
  }
}
