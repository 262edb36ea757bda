package io.github.stoatferret.videorepo;

import org.jspecify.annotations.Nullable;

/**
 * The root of the exceptions a {@link VideoRepository} fails its stages with, besides the {@link
 * InvalidArgumentException} that bad arguments cause. Unchecked, because they arrive through a
 * {@code CompletionStage} and never from a method call.
 *
 * <p>Sealed: the six subclasses are the closed list of rule VR-1.8, so a caller can handle every
 * case and a backend cannot invent another.
 */
public abstract sealed class VideoRepositoryException extends RuntimeException
    permits DuplicateVideoException,
        VideoNotFoundException,
        VersionConflictException,
        RepositoryClosedException,
        StorageException,
        ChangePositionExpiredException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message what went wrong, naming the offending value
   * @param cause the underlying failure, or {@code null}
   */
  protected VideoRepositoryException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * Makes the exception with no cause.
   *
   * @param message what went wrong, naming the offending value
   */
  protected VideoRepositoryException(String message) {
    super(message);
  }
}
