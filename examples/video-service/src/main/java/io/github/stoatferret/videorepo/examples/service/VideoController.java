package io.github.stoatferret.videorepo.examples.service;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The HTTP API over the repository. Validation, not-found, conflicts and storage failures are the
 * library's exceptions, which the starter turns into problem details; this class only maps HTTP to
 * calls. Each handler returns the repository's stage as a {@link Mono} (one call: no adapter
 * library needed), so no request thread ever waits for storage.
 */
@RestController
@RequestMapping("/videos")
class VideoController {

  private final VideoRepository videos;
  private final EncodedChanges encoded;
  private final int importLimit;

  VideoController(
      VideoRepository videos,
      EncodedChanges encoded,
      @Value("${video-service.import-limit}") int importLimit) {
    this.videos = videos;
    this.encoded = encoded;
    this.importLimit = importLimit;
  }

  @PostMapping
  Mono<ResponseEntity<Video>> create(@RequestBody VideoDraft draft) {
    // A new video is at version 1 (VR-16.1).
    return Mono.fromCompletionStage(videos.create(draft))
        .map(
            video ->
                ResponseEntity.created(URI.create("/videos/" + video.id()))
                    .eTag(Versions.etag(1))
                    .body(video));
  }

  @GetMapping("/{id}")
  Mono<ResponseEntity<Video>> get(@PathVariable String id) {
    return Mono.fromCompletionStage(videos.getVersioned(id))
        .map(
            found -> {
              var versioned = found.orElseThrow(() -> new VideoNotFoundException(id));
              return ResponseEntity.ok()
                  .eTag(Versions.etag(versioned.version()))
                  .body(versioned.video());
            });
  }

  @GetMapping(params = "path")
  Mono<Video> getByPath(@RequestParam String path) {
    return Mono.fromCompletionStage(videos.getByPath(path))
        .map(found -> found.orElseThrow(() -> notFoundAtPath(path)));
  }

  @PutMapping("/{id}")
  Mono<ResponseEntity<Video>> update(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @RequestBody VideoDraft draft) {
    long expected = Versions.expected(ifMatch);
    return Mono.fromCompletionStage(videos.update(id, draft, expected))
        .map(
            stored ->
                ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(stored.video()));
  }

  @DeleteMapping("/{id}")
  Mono<ResponseEntity<Void>> delete(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    long expected = Versions.expected(ifMatch);
    return Mono.fromCompletionStage(videos.delete(id, expected))
        .map(deleted -> ResponseEntity.noContent().build());
  }

  @GetMapping
  Mono<VideoPage> list(
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    return Mono.fromCompletionStage(videos.page(cursor, limit));
  }

  @GetMapping("/search")
  Mono<VideoPage> search(
      @RequestParam String q,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    return Mono.fromCompletionStage(videos.searchPage(q, cursor, limit));
  }

  @GetMapping("/count")
  Mono<Map<String, Long>> count() {
    return Mono.fromCompletionStage(videos.count()).map(n -> Map.of("count", n));
  }

  /**
   * Adds every video or none (VR-3.2): a duplicate or a bad field anywhere fails the whole batch.
   */
  @PostMapping("/import")
  Mono<ResponseEntity<List<Video>>> importAll(@RequestBody List<VideoDraft> drafts) {
    if (drafts.size() > importLimit) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONTENT_TOO_LARGE,
              "at most " + importLimit + " videos per import; this one has " + drafts.size());
      problem.setTitle("Import too large");
      problem.setProperty("limit", importLimit);
      throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }
    Instant now = videos.clock().instant();
    List<Video> batch = drafts.stream().map(d -> d.toVideo(Video.newId(), now, now)).toList();
    return Mono.fromCompletionStage(videos.addAll(batch))
        .map(added -> ResponseEntity.status(HttpStatus.CREATED).body(added));
  }

  /**
   * The changes as Server-Sent Events: each event's id is its position, its name the kind of
   * change, its data the change. A client that reconnects sends the last id it saw in {@code
   * Last-Event-ID} (browsers' EventSource do) and gets every change after it, none twice; without
   * it, the changes from now.
   *
   * <p>The stream opens with a comment, so the response (200) starts at once rather than at the
   * first change. A resume from a position no longer kept therefore cannot be a 410: it is a last
   * event {@code expired} whose data is the problem (naming the oldest position kept), and the
   * stream ends; the client reloads what it shows and follows from now. At shutdown the stream ends
   * after the last change sent, and the client resumes from it on another instance.
   */
  @GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<Object>> changes(
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    Flow.Publisher<ChangeFeedEvent> feed =
        lastEventId == null
            ? videos.changes()
            : videos.changesAfter(ChangePosition.parse(lastEventId));
    Flux<ServerSentEvent<Object>> events =
        JdkFlowAdapter.flowPublisherToFlux(feed)
            .map(
                event ->
                    ServerSentEvent.<Object>builder(encoded.json(event))
                        .id(event.position().toString())
                        .event(event.kind().name().toLowerCase(Locale.ROOT))
                        .build())
            .onErrorResume(
                ChangePositionExpiredException.class,
                e ->
                    Mono.just(
                        ServerSentEvent.<Object>builder(expired(e)).event("expired").build()));
    // The feed is subscribed first, the comment then commits the response: a client that has the
    // response's headers knows that every later change will be in the stream.
    return events.mergeWith(
        Mono.just(ServerSentEvent.<Object>builder().comment("changes").build()));
  }

  private static ProblemDetail expired(ChangePositionExpiredException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    problem.setTitle("Change position expired");
    problem.setProperty("position", e.position().toString());
    problem.setProperty("oldestKept", e.oldestKept().toString());
    return problem;
  }

  private static ErrorResponseException notFoundAtPath(String path) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no video at path " + path);
    problem.setTitle("Video not found");
    problem.setProperty("path", path);
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
