package io.github.stoatferret.videorepo.benchmarks.baseline;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The errors a team maps by hand: the same statuses as the reference service's. */
@RestControllerAdvice
class Problems {

  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String value;

    NotFound(String field, String value) {
      super("no video with " + field + " " + value);
      this.field = field;
      this.value = value;
    }
  }

  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int limit;

    TooLarge(int limit, int size) {
      super("at most " + limit + " videos per import; this one has " + size);
      this.limit = limit;
    }
  }

  static final class PreconditionRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreconditionRequired() {
      super("send If-Match with the ETag of the version you read");
    }
  }

  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String parameter;
    final String value;

    BadInput(String parameter, String value) {
      super(parameter + " is not valid: " + value);
      this.parameter = parameter;
      this.value = value;
    }
  }

  static long expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null) {
      throw new PreconditionRequired();
    }
    String tag = ifMatch.strip();
    try {
      if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        return Long.parseLong(tag.substring(1, tag.length() - 1));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInput("If-Match", ifMatch);
  }

  static long offset(@Nullable String cursor) {
    if (cursor == null) {
      return 0;
    }
    try {
      long offset = Long.parseLong(cursor);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInput("cursor", cursor);
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFound e) {
    ProblemDetail problem = problem(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setProperty(e.field, e.value);
    return problem;
  }

  @ExceptionHandler
  ProblemDetail tooLarge(TooLarge e) {
    ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setProperty("limit", e.limit);
    return problem;
  }

  @ExceptionHandler
  ProblemDetail preconditionRequired(PreconditionRequired e) {
    return problem(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail badInput(BadInput e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("parameter", e.parameter);
    problem.setProperty("value", e.value);
    return problem;
  }

  @ExceptionHandler
  ProblemDetail duplicate(DataIntegrityViolationException e) {
    return problem(HttpStatus.CONFLICT, "a video with this id or path exists");
  }

  @ExceptionHandler
  ProblemDetail conflict(OptimisticLockingFailureException e) {
    return problem(HttpStatus.PRECONDITION_FAILED, "the video is no longer at that version");
  }
}
