package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.util.Locale;
import java.util.Objects;

/** A write would have given two videos the same id or the same path; nothing was written. */
public final class DuplicateVideoException extends VideoRepositoryException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** Which unique key clashed. */
  public enum Key {
    /** {@link Video#id()} */
    ID,
    /** {@link Video#path()} */
    PATH
  }

  /** The key that clashed. */
  private final Key key;

  /** The value already taken. */
  private final String value;

  /**
   * Makes the exception.
   *
   * @param key the key that clashed
   * @param value the value that is already taken
   */
  public DuplicateVideoException(Key key, String value) {
    super(
        "a video with "
            + Objects.requireNonNull(key, "key").name().toLowerCase(Locale.ROOT)
            + " "
            + FieldChecks.show(value)
            + " already exists");
    this.key = key;
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Which unique key clashed.
   *
   * @return {@link Key#ID} or {@link Key#PATH}
   */
  public Key key() {
    return key;
  }

  /**
   * The value that is already taken.
   *
   * @return the id or the path
   */
  public String value() {
    return value;
  }
}
