package io.github.stoatferret.videorepo.contract.property;

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
