package io.github.stoatferret.videorepo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each library exception's status and the members that name the offending value. */
class VideoRepositoryProblemDetailsTest {

  private final VideoRepositoryProblemDetails handler = new VideoRepositoryProblemDetails();

  private static ProblemDetail body(ResponseEntity<ProblemDetail> response, int status) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    ProblemDetail problem = response.getBody();
    assertThat(problem).isNotNull();
    assertThat(problem.getStatus()).isEqualTo(status);
    assertThat(problem.getTitle()).isNotBlank();
    assertThat(problem.getDetail()).isNotBlank();
    return problem;
  }

  @Test
  void badInputIs400NamingTheParameterAndValue() {
    ProblemDetail p =
        body(
            handler.invalidArgument(new InvalidArgumentException("limit", "-1", "limit: -1 < 1")),
            400);
    assertThat(p.getProperties()).containsEntry("parameter", "limit").containsEntry("value", "-1");
  }

  @Test
  void missingIs404DuplicateIs409ExpiredIs410ConflictIs412() {
    assertThat(body(handler.notFound(new VideoNotFoundException("v1")), 404).getProperties())
        .containsEntry("id", "v1");
    assertThat(
            body(
                    handler.duplicate(
                        new DuplicateVideoException(DuplicateVideoException.Key.PATH, "/a.mp4")),
                    409)
                .getProperties())
        .containsEntry("key", "path")
        .containsEntry("value", "/a.mp4");
    assertThat(
            body(
                    handler.positionExpired(
                        new ChangePositionExpiredException(
                            new ChangePosition(3),
                            new ChangePosition(10),
                            "resume after 3: oldest kept is 10")),
                    410)
                .getProperties())
        .containsEntry("position", "3")
        .containsEntry("oldestKept", "10");
    assertThat(
            body(handler.versionConflict(new VersionConflictException("v1", 2, 3)), 412)
                .getProperties())
        .containsEntry("id", "v1")
        .containsEntry("expectedVersion", 2L)
        .containsEntry("currentVersion", 3L);
  }

  @Test
  void unavailableIs503WithRetryAfterOtherStorageFailuresAre500() {
    ResponseEntity<ProblemDetail> retryable =
        handler.storage(new StorageException("connection lost", null, true));
    body(retryable, 503);
    assertThat(retryable.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    body(handler.storage(new StorageException("disk full", null, false)), 500);
    ResponseEntity<ProblemDetail> closed =
        handler.closed(new RepositoryClosedException("repository is closed"));
    body(closed, 503);
    assertThat(closed.getHeaders().getFirst("Retry-After")).isEqualTo("1");
  }
}
