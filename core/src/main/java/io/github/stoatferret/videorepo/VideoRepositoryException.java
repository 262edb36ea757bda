package io.github.stoatferret.videorepo;

/**
 * The root of the exceptions a {@link VideoRepository} fails its stages with, besides the
 * {@link NullPointerException} and {@link IllegalArgumentException} that bad arguments cause.
 * Unchecked, because they arrive through a {@code CompletionStage} and never from a method call.
 */
public class VideoRepositoryException extends RuntimeException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message what went wrong, naming the offending value
   * @param cause the underlying failure, or {@code null}
   */
  public VideoRepositoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Makes the exception with no cause.
   *
   * @param message what went wrong, naming the offending value
   */
  public VideoRepositoryException(String message) {
    super(message);
  }
}
