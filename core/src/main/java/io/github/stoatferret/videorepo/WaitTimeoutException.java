package io.github.stoatferret.videorepo;

import java.time.Duration;

/**
 * A {@link BlockingVideoRepository} call waited longer than the view's timeout. The operation
 * itself was not cancelled: it may still take effect.
 */
public final class WaitTimeoutException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param operation the operation waited for, e.g. {@code "add"}
   * @param timeout how long the view waited
   */
  public WaitTimeoutException(String operation, Duration timeout) {
    super(
        operation
            + " did not complete within "
            + timeout
            + "; the operation may still take"
            + " effect");
  }
}
