package io.github.stoatferret.videorepo;

import org.jspecify.annotations.Nullable;

/**
 * The storage under a backend failed: an I/O error, a full disk, a locked or corrupt file.
 *
 * <p>{@link #isRetryable()} says whether the same operation may succeed if tried again later (the
 * store was busy or locked) or not until someone acts (corrupt, full, read-only). A failed write
 * changed nothing.
 */
public final class StorageException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Whether trying again later may help. */
  private final boolean retryable;

  /**
   * Makes the exception.
   *
   * @param message what failed, naming the file or operation
   * @param cause the backend's own exception, or {@code null}
   * @param retryable whether trying again later may help
   */
  public StorageException(String message, @Nullable Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * Whether trying the same operation again later may succeed.
   *
   * @return {@code true} for a busy or locked store; {@code false} for corrupt, full or read-only
   *     storage
   */
  public boolean isRetryable() {
    return retryable;
  }
}
