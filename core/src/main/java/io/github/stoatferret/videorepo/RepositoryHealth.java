package io.github.stoatferret.videorepo;

import java.util.Objects;

/**
 * What {@link VideoRepository#health()} found: whether the repository serves operations now, and
 * why not when it does not. Meant for a service's health endpoint (a readiness probe): a repository
 * that is down answers every operation with a failure.
 *
 * @param up whether the repository serves operations
 * @param detail what was checked, or why it is down (closed; the storage's failure)
 */
public record RepositoryHealth(boolean up, String detail) {

  /**
   * Checks the detail.
   *
   * @param up whether the repository serves operations
   * @param detail what was checked, or why it is down
   */
  public RepositoryHealth {
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * A repository that serves operations.
   *
   * @param detail what was checked
   * @return the health
   */
  public static RepositoryHealth up(String detail) {
    return new RepositoryHealth(true, detail);
  }

  /**
   * A repository that does not serve operations now.
   *
   * @param detail why
   * @return the health
   */
  public static RepositoryHealth down(String detail) {
    return new RepositoryHealth(false, detail);
  }
}
