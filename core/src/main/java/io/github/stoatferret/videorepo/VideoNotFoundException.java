package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.util.Objects;

/** An update named an id that no stored video has; nothing was written. */
public final class VideoNotFoundException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The id that was not found. */
  private final String id;

  /**
   * Makes the exception.
   *
   * @param id the id that was not found
   */
  public VideoNotFoundException(String id) {
    super("no video with id " + FieldChecks.show(id));
    this.id = Objects.requireNonNull(id, "id");
  }

  /**
   * The id that was not found.
   *
   * @return the id
   */
  public String id() {
    return id;
  }
}
