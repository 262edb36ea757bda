package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an operation gave: a value, or a failure reduced to what the contract specifies about it
 * (its API type, and for clashes the key and value), so that outcomes of a backend and of the
 * reference model compare with {@code equals}.
 *
 * @param value the value, when the operation succeeded
 * @param failure the specified type of the failure, or {@code null} on success
 * @param detail what the contract specifies of the failure ({@code "ID a"} for a clash), or empty
 */
public record Outcome(
    @Nullable Object value, @Nullable Class<? extends Throwable> failure, String detail) {

  /**
   * Checks the detail is present.
   *
   * @param value the value
   * @param failure the failure type
   * @param detail the detail
   */
  public Outcome {
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * A success.
   *
   * @param value the value
   * @return the outcome
   */
  public static Outcome ok(@Nullable Object value) {
    return new Outcome(value, null, "");
  }

  /**
   * A failure, reduced to its specified type and detail.
   *
   * @param failure the exception, unwrapped
   * @return the outcome
   */
  public static Outcome failed(Throwable failure) {
    if (failure instanceof DuplicateVideoException d) {
      return new Outcome(null, DuplicateVideoException.class, d.key() + " " + d.value());
    }
    if (failure instanceof VideoNotFoundException n) {
      return new Outcome(null, VideoNotFoundException.class, n.id());
    }
    if (failure instanceof VersionConflictException v) {
      return new Outcome(
          null,
          VersionConflictException.class,
          v.id() + " expected " + v.expectedVersion() + " current " + v.currentVersion());
    }
    for (Class<? extends Throwable> type :
        java.util.List.of(
            RepositoryClosedException.class,
            StorageException.class,
            InvalidArgumentException.class,
            NullPointerException.class,
            IllegalArgumentException.class)) {
      if (type.isInstance(failure)) {
        return new Outcome(null, type, "");
      }
    }
    return new Outcome(null, failure.getClass(), String.valueOf(failure.getMessage()));
  }

  /**
   * Whether the operation succeeded.
   *
   * @return {@code true} on success
   */
  public boolean isOk() {
    return failure == null;
  }

  @Override
  public String toString() {
    if (isOk()) {
      return "completed with " + value;
    }
    return "failed with "
        + Objects.requireNonNull(failure).getSimpleName()
        + (detail.isEmpty() ? "" : "(" + detail + ")");
  }
}
