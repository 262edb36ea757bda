package io.github.stoatferret.videorepo.contract.property;

import java.util.Objects;

/**
 * A property failed. The message gives the seed that replays the failure, the original and the
 * shrunk counterexample; the cause is the failure of the shrunk one.
 */
public final class PropertyFailure extends AssertionError {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The seed of the failing try. */
  private final long seed;

  private final transient Object shrunk;

  PropertyFailure(String message, long seed, Object shrunk, Throwable cause) {
    super(Printable.xmlSafe(message), cause);
    this.seed = seed;
    this.shrunk = shrunk;
  }

  /**
   * The same failure, with the command that replays it after the seed's line.
   *
   * @param command the command, e.g. {@code mvn test -Dtest=MyTest#method -D...seed=...}
   * @return the failure to throw instead
   */
  public PropertyFailure withReplay(String command) {
    String message = String.valueOf(getMessage());
    int seedLine = message.indexOf("\n  seed: ");
    int end = seedLine < 0 ? -1 : message.indexOf('\n', seedLine + 1);
    String line = "\n  replay: " + command;
    String replayed =
        end < 0 ? message + line : message.substring(0, end) + line + message.substring(end);
    PropertyFailure copy =
        new PropertyFailure(replayed, seed, shrunk, Objects.requireNonNull(getCause()));
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * The seed of the failing try: run again with {@code -Dvideorepo.property.seed=} it.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The shrunk counterexample.
   *
   * @return the value
   */
  public Object shrunk() {
    return shrunk;
  }
}
