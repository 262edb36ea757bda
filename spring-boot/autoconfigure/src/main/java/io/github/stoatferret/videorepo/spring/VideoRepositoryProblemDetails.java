package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.WaitTimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the library's exceptions, thrown by a handler or failing the stage it returned, into RFC
 * 9457 problem details, in Spring MVC and WebFlux alike. Each names the offending value in its
 * detail and, as extension members, in the fields a client can act on.
 *
 * <table>
 *   <caption>Status by exception</caption>
 *   <tr><th>exception</th><th>status</th><th>members</th></tr>
 *   <tr><td>{@link InvalidArgumentException}</td><td>400</td><td>parameter, value</td></tr>
 *   <tr><td>{@link VideoNotFoundException}</td><td>404</td><td>id</td></tr>
 *   <tr><td>{@link DuplicateVideoException}</td><td>409</td><td>key, value</td></tr>
 *   <tr><td>{@link ChangePositionExpiredException}</td><td>410</td><td>position, oldestKept</td></tr>
 *   <tr><td>{@link VersionConflictException}</td><td>412</td>
 *       <td>id, expectedVersion, currentVersion</td></tr>
 *   <tr><td>{@link StorageException}, retryable</td><td>503, Retry-After: 1</td><td></td></tr>
 *   <tr><td>{@link StorageException}, not retryable</td><td>500</td><td></td></tr>
 *   <tr><td>{@link RepositoryClosedException}, {@link WaitTimeoutException}</td>
 *       <td>503, Retry-After: 1</td><td></td></tr>
 * </table>
 *
 * <p>A version conflict is 412 because the service's version check is a precondition ({@code
 * If-Match}); an expired change position is 410 because the changes asked for are gone for good.
 * Turned off by {@code videorepo.problem-details.enabled=false}.
 *
 * <p>It runs before Boot's own problem-details handler (order 0, {@link #ORDER}): a library
 * exception that Spring wraps, such as the {@link InvalidArgumentException} of a bad field in a
 * request body (thrown while Jackson builds a {@code VideoDraft}), is then reported as what it is,
 * naming the field, instead of as an unreadable body. A handler in a controller, or an advice with
 * a lower order value, still wins over these.
 */
// Its API names types of Spring Web, which this module reads only when the application has it
// (requires static): an application using this class has that module anyway.
@SuppressWarnings("exports")
@RestControllerAdvice
@Order(VideoRepositoryProblemDetails.ORDER)
public class VideoRepositoryProblemDetails {

  /** The advice's order: before Boot's problem-details handler, which has order 0. */
  public static final int ORDER = -100;

  /** Creates the handler; the auto-configuration registers it. */
  public VideoRepositoryProblemDetails() {}

  /**
   * 400 for bad input.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> invalidArgument(InvalidArgumentException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid argument", e);
    problem.setProperty("parameter", e.parameter());
    problem.setProperty("value", e.value());
    return ResponseEntity.of(problem).build();
  }

  /**
   * 404 for a video that is not there.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> notFound(VideoNotFoundException e) {
    ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Video not found", e);
    problem.setProperty("id", e.id());
    return ResponseEntity.of(problem).build();
  }

  /**
   * 409 for an id or path already taken.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> duplicate(DuplicateVideoException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Duplicate video", e);
    problem.setProperty("key", e.key().name().toLowerCase(java.util.Locale.ROOT));
    problem.setProperty("value", e.value());
    return ResponseEntity.of(problem).build();
  }

  /**
   * 410 for a change feed resumed after changes no longer kept.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> positionExpired(ChangePositionExpiredException e) {
    ProblemDetail problem = problem(HttpStatus.GONE, "Change position expired", e);
    problem.setProperty("position", e.position().toString());
    problem.setProperty("oldestKept", e.oldestKept().toString());
    return ResponseEntity.of(problem).build();
  }

  /**
   * 412 for a write whose expected version is not the stored one.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> versionConflict(VersionConflictException e) {
    ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "Version conflict", e);
    problem.setProperty("id", e.id());
    problem.setProperty("expectedVersion", e.expectedVersion());
    problem.setProperty("currentVersion", e.currentVersion());
    return ResponseEntity.of(problem).build();
  }

  /**
   * 503 (worth retrying) or 500 for a storage failure.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> storage(StorageException e) {
    if (e.isRetryable()) {
      return unavailable(problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", e));
    }
    return ResponseEntity.of(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Storage failure", e))
        .build();
  }

  /**
   * 503 for a repository that is shutting down.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> closed(RepositoryClosedException e) {
    return unavailable(problem(HttpStatus.SERVICE_UNAVAILABLE, "Repository closed", e));
  }

  /**
   * 503 for a blocking call that waited too long.
   *
   * @param e the exception
   * @return the problem
   */
  @ExceptionHandler
  public ResponseEntity<ProblemDetail> timeout(WaitTimeoutException e) {
    return unavailable(problem(HttpStatus.SERVICE_UNAVAILABLE, "Timed out", e));
  }

  private static ProblemDetail problem(HttpStatus status, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(title);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem) {
    return ResponseEntity.of(problem).header(HttpHeaders.RETRY_AFTER, "1").build();
  }
}
