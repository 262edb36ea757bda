package io.github.stoatferret.videorepo.examples.service;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Versions as HTTP entity tags: a stored video's version {@code 3} is the strong ETag {@code "3"},
 * and a write must name the version it read in {@code If-Match}, so two clients cannot overwrite
 * each other unseen.
 */
final class Versions {

  private Versions() {}

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names.
   *
   * @throws ErrorResponseException 428 when the header is missing: every write is conditional
   * @throws InvalidArgumentException (400) when it is not one quoted version
   */
  static long expected(@Nullable String ifMatch) {
    if (ifMatch == null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PRECONDITION_REQUIRED,
              "send If-Match with the ETag of the version you read");
      problem.setTitle("Precondition required");
      throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
    }
    String tag = ifMatch.strip();
    if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      try {
        long version = Long.parseLong(tag.substring(1, tag.length() - 1));
        if (version >= 1) {
          return version;
        }
      } catch (NumberFormatException e) {
        // reported below, naming the header's value
      }
    }
    throw new InvalidArgumentException(
        "If-Match",
        ifMatch,
        "If-Match must be one ETag this service sent, such as \"3\"; was " + ifMatch);
  }
}
