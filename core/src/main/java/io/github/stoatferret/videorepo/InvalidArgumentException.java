package io.github.stoatferret.videorepo;

/**
 * The caller sent something wrong: a {@code null}, a negative limit, a cursor this library did not
 * make, or a {@link Video} field that breaks its rule. It is the one type of every rejection of
 * caller input (rules VR-1.2, VR-1.3, VR-1.8, VR-6.4), so that a web layer can map it, and only it,
 * to "400 Bad Request": no {@code NullPointerException} or bare {@code IllegalArgumentException}
 * ever reaches a caller for its own input.
 *
 * <p>It names what was wrong ({@link #parameter()}: a parameter such as {@code limit}, an element
 * such as {@code videos[3]}, or a field of {@code Video} such as {@code path}) and shows the
 * offending value ({@link #value()}). It is an {@link IllegalArgumentException}, so code that
 * catches that keeps working. Rejected input changes nothing.
 */
public final class InvalidArgumentException extends IllegalArgumentException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The parameter, element or field. */
  private final String parameter;

  /** The offending value as shown in the message. */
  private final String value;

  /**
   * Makes the exception.
   *
   * @param parameter the parameter, list element ({@code videos[3]}) or {@code Video} field
   * @param value the offending value as it should be shown: {@code null}, a number, or quoted and
   *     shortened text
   * @param message the whole message, which starts with the parameter's name
   */
  public InvalidArgumentException(String parameter, String value, String message) {
    super(message);
    this.parameter = parameter;
    this.value = value;
  }

  /**
   * A required argument or field that is {@code null}.
   *
   * @param parameter the parameter, list element or field
   * @return the exception, with the message "{@code parameter} must not be null"
   */
  public static InvalidArgumentException isNull(String parameter) {
    return new InvalidArgumentException(parameter, "null", parameter + " must not be null");
  }

  /**
   * What was wrong: a parameter ({@code limit}), a list element ({@code videos[3]}) or a field of
   * {@code Video} ({@code path}).
   *
   * @return the name
   */
  public String parameter() {
    return parameter;
  }

  /**
   * The offending value as the message shows it: {@code null}, a number, or text in quotes,
   * shortened when long.
   *
   * @return the value
   */
  public String value() {
    return value;
  }
}
