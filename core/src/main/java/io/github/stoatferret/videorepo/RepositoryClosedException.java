package io.github.stoatferret.videorepo;

/** The repository was closed before the operation could take effect; it did not. */
public final class RepositoryClosedException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message which repository, and which operation was refused
   */
  public RepositoryClosedException(String message) {
    super(message);
  }
}
