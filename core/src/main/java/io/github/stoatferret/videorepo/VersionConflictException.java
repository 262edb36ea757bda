package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.util.Objects;

/**
 * A conditional write expected another version than the stored one; nothing was written (rule
 * VR-16.2). A web service answers {@code 412 Precondition Failed}; an editor reloads the video at
 * {@link #currentVersion()} and tries again.
 */
public final class VersionConflictException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The video's id. */
  private final String id;

  /** The version the caller expected. */
  private final long expectedVersion;

  /** The version stored when the write was refused. */
  private final long currentVersion;

  /**
   * Makes the exception.
   *
   * @param id the video's id
   * @param expectedVersion the version the caller expected
   * @param currentVersion the version stored when the write was refused
   */
  public VersionConflictException(String id, long expectedVersion, long currentVersion) {
    super(
        "video "
            + FieldChecks.show(Objects.requireNonNull(id, "id"))
            + " is at version "
            + currentVersion
            + ", not the expected "
            + expectedVersion);
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  /**
   * The id of the video.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The version the caller expected.
   *
   * @return the expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The version stored when the write was refused.
   *
   * @return the current version
   */
  public long currentVersion() {
    return currentVersion;
  }
}
