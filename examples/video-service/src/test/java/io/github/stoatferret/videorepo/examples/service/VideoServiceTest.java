package io.github.stoatferret.videorepo.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every endpoint and every error of the reference service, over real HTTP, on SQLite. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class VideoServiceTest {

  @TempDir static Path data;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("videorepo.sqlite.file", () -> data.resolve("videos.db").toString());
    registry.add("video-service.import-limit", () -> "10");
  }

  @Autowired WebTestClient http;

  static Map<String, Object> draft(String path) {
    return Map.of(
        "path", path,
        "filename", path.substring(path.lastIndexOf('/') + 1),
        "durationFrames", 1500,
        "frameRateNumerator", 25,
        "frameRateDenominator", 1,
        "width", 1920,
        "height", 1080,
        "videoCodec", "h264",
        "fileSize", 1_000_000);
  }

  private String create(String path) {
    Map<?, ?> body =
        http.post()
            .uri("/videos")
            .bodyValue(draft(path))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals("ETag", "\"1\"")
            .expectHeader()
            .exists("Location")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).isNotNull();
    return (String) body.get("id");
  }

  private WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.detail")
        .isNotEmpty();
  }

  @Test
  void createsReadsByIdAndPathUpdatesAndDeletesWithVersions() {
    String id = create("/crud/a.mp4");
    http.get()
        .uri("/videos/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"1\"")
        .expectBody()
        .jsonPath("$.path")
        .isEqualTo("/crud/a.mp4");
    http.get()
        .uri(b -> b.path("/videos").queryParam("path", "/crud/a.mp4").build())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(id);

    http.put()
        .uri("/videos/{id}", id)
        .header("If-Match", "\"1\"")
        .bodyValue(draft("/crud/b.mp4"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("ETag", "\"2\"")
        .expectBody()
        .jsonPath("$.path")
        .isEqualTo("/crud/b.mp4");

    problem(
            http.put()
                .uri("/videos/{id}", id)
                .header("If-Match", "\"1\"")
                .bodyValue(draft("/crud/c.mp4"))
                .exchange(),
            412)
        .jsonPath("$.currentVersion")
        .isEqualTo(2);
    problem(http.delete().uri("/videos/{id}", id).header("If-Match", "\"1\"").exchange(), 412);
    http.delete()
        .uri("/videos/{id}", id)
        .header("If-Match", "\"2\"")
        .exchange()
        .expectStatus()
        .isNoContent();
    problem(http.get().uri("/videos/{id}", id).exchange(), 404).jsonPath("$.id").isEqualTo(id);
    problem(
            http.get()
                .uri(b -> b.path("/videos").queryParam("path", "/crud/b.mp4").build())
                .exchange(),
            404)
        .jsonPath("$.path")
        .isEqualTo("/crud/b.mp4");
  }

  @Test
  void everyWriteNeedsAValidIfMatch() {
    String id = create("/ifmatch/a.mp4");
    problem(http.put().uri("/videos/{id}", id).bodyValue(draft("/ifmatch/b.mp4")).exchange(), 428);
    problem(http.delete().uri("/videos/{id}", id).exchange(), 428);
    problem(http.delete().uri("/videos/{id}", id).header("If-Match", "W/\"x\"").exchange(), 400)
        .jsonPath("$.parameter")
        .isEqualTo("If-Match");
    problem(
        http.put()
            .uri("/videos/{id}", "no-such-id")
            .header("If-Match", "\"1\"")
            .bodyValue(draft("/ifmatch/c.mp4"))
            .exchange(),
        404);
  }

  @Test
  void badInputIsAProblemNamingTheValueAndChangesNothing() {
    Map<String, Object> bad = new java.util.HashMap<>(draft("/bad/a.mp4"));
    bad.put("width", -1);
    problem(http.post().uri("/videos").bodyValue(bad).exchange(), 400)
        .jsonPath("$.parameter")
        .isNotEmpty()
        .jsonPath("$.value")
        .isEqualTo("-1");
    problem(
        http.post()
            .uri("/videos")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{not json")
            .exchange(),
        400);
    problem(http.get().uri("/videos?limit=-1").exchange(), 400)
        .jsonPath("$.parameter")
        .isEqualTo("limit");
    problem(http.get().uri("/videos?cursor=garbage").exchange(), 400);
    problem(http.get().uri("/videos/search?q=walrus&limit=-5").exchange(), 400);
    create("/bad/taken.mp4");
    problem(http.post().uri("/videos").bodyValue(draft("/bad/taken.mp4")).exchange(), 409)
        .jsonPath("$.key")
        .isEqualTo("path");
    http.get()
        .uri(b -> b.path("/videos").queryParam("path", "/bad/a.mp4").build())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void listsAndSearchesPageByPageWithCursors() {
    for (int i = 0; i < 5; i++) {
      create("/pages/walrus-" + i + ".mp4");
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String uri = "/videos/search?q=walrus&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      Map<?, ?> page =
          http.get()
              .uri(uri)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      assertThat(page).isNotNull();
      for (Object item : (List<?>) page.get("items")) {
        seen.add((String) ((Map<?, ?>) item).get("path"));
      }
      cursor = (String) page.get("nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);

    Map<?, ?> first =
        http.get()
            .uri("/videos?limit=3")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(first).isNotNull();
    assertThat((List<?>) first.get("items")).hasSize(3);
    http.get()
        .uri("/videos/count")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.count")
        .isNumber();
  }

  @Test
  void importsAllOrNothingWithinTheLimit() {
    long before = count();
    http.post()
        .uri("/videos/import")
        .bodyValue(List.of(draft("/import/a.mp4"), draft("/import/b.mp4")))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(2);
    problem(
        http.post()
            .uri("/videos/import")
            .bodyValue(List.of(draft("/import/c.mp4"), draft("/import/a.mp4")))
            .exchange(),
        409);
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      tooMany.add(draft("/import/many-" + i + ".mp4"));
    }
    problem(http.post().uri("/videos/import").bodyValue(tooMany).exchange(), 413)
        .jsonPath("$.limit")
        .isEqualTo(10);
    assertThat(count()).isEqualTo(before + 2);
  }

  private long count() {
    Map<?, ?> body =
        http.get()
            .uri("/videos/count")
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).isNotNull();
    return ((Number) body.get("count")).longValue();
  }

  @Test
  void streamsChangesAsServerSentEventsThatResumeFromLastEventId() {
    FluxExchangeResult<ServerSentEvent<Map<String, Object>>> live =
        http.get()
            .uri("/videos/changes")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<>() {});
    Flux<ServerSentEvent<Map<String, Object>>> events = live.getResponseBody();
    // The response has begun (exchange() returned), so the feed is subscribed: writes are live.
    var firstTwo = events.filter(e -> e.event() != null).take(2).collectList().toFuture();
    String a = create("/sse/a.mp4");
    String b = create("/sse/b.mp4");
    List<ServerSentEvent<Map<String, Object>>> got = firstTwo.join();
    assertThat(got).extracting(ServerSentEvent::event).containsExactly("added", "added");
    assertThat(got.get(0).data()).isNotNull();
    assertThat(((Map<?, ?>) got.get(0).data().get("video")).get("id")).isEqualTo(a);

    List<ServerSentEvent<Map<String, Object>>> resumed =
        http.get()
            .uri("/videos/changes")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .header("Last-Event-ID", got.get(0).id())
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
            .getResponseBody()
            .filter(e -> e.event() != null)
            .take(1)
            .collectList()
            .block(Duration.ofSeconds(30));
    assertThat(resumed).hasSize(1);
    assertThat(resumed.get(0).id()).isEqualTo(got.get(1).id());
    assertThat(((Map<?, ?>) resumed.get(0).data().get("video")).get("id")).isEqualTo(b);

    // An event stream's client gets the problem as the body of a 400, in the stream's own type.
    http.get()
        .uri("/videos/changes")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .header("Last-Event-ID", "yesterday")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"parameter\":\"position\"", "yesterday"));
  }

  @Test
  void publishesItsOpenApiDocumentHealthAndMetrics() {
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/videos/{id}']")
        .exists()
        .jsonPath("$.paths['/videos/changes']")
        .exists();
    http.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.videorepo.status")
        .isEqualTo("UP");
    create("/metrics/a.mp4");
    http.get()
        .uri("/actuator/metrics/videorepo.operation")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.availableTags[?(@.tag == 'operation')].values[*]")
        .value(ops -> assertThat(ops.toString()).contains("add"));
  }
}
