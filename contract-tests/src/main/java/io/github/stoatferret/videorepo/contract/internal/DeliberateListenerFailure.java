package io.github.stoatferret.videorepo.contract.internal;

/**
 * What the kit's throwing listener throws (rule VR-13.4). A backend is expected to log it, so it
 * says that it is deliberate, and it carries no stack trace, so that a passing run's log stays
 * readable.
 */
public final class DeliberateListenerFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Makes the exception. */
  public DeliberateListenerFailure() {
    super(
        "thrown on purpose by the conformance kit's listener to check rule VR-13.4; a warning"
            + " about it in the log is expected",
        null,
        false,
        false);
  }
}
