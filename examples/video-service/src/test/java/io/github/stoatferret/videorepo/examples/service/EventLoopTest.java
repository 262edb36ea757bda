package io.github.stoatferret.videorepo.examples.service;

import static io.github.stoatferret.videorepo.examples.service.VideoServiceTest.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockHound;

/**
 * No repository call blocks an event-loop thread: BlockHound reports every blocking call (a lock
 * that parks, a sleep, file or socket I/O) made on Netty's event loops while every endpoint is
 * used, and the test fails on any whose stack passes through the library.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // A context of its own: the one VideoServiceTest caches is not this one's.
    properties = "video-service.import-limit=11")
@AutoConfigureWebTestClient
class EventLoopTest {

  private static final List<String> BLOCKING = new CopyOnWriteArrayList<>();

  @TempDir static Path data;

  @BeforeAll
  static void installBlockHound() {
    BlockHound.install(
        builder ->
            builder
                // A new id reads /dev/urandom (SecureRandom), which never waits once the kernel's
                // pool is seeded at boot: BlockHound sees a file read, not a wait.
                .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                .blockingMethodCallback(
                    method -> {
                      StringBuilder stack = new StringBuilder(method.toString());
                      for (StackTraceElement frame : new Throwable().getStackTrace()) {
                        stack.append("\n  at ").append(frame);
                      }
                      if (stack.indexOf("io.github.stoatferret.videorepo") >= 0) {
                        BLOCKING.add(Thread.currentThread().getName() + ": " + stack);
                      }
                    }));
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("videorepo.sqlite.file", () -> data.resolve("videos.db").toString());
  }

  @Autowired WebTestClient http;

  @Test
  void noEndpointBlocksAnEventLoop() {
    for (int i = 0; i < 50; i++) {
      String path = "/loop/otter-" + i + ".mp4";
      Map<?, ?> created =
          http.post()
              .uri("/videos")
              .bodyValue(draft(path))
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      assertThat(created).isNotNull();
      String id = (String) created.get("id");
      http.get().uri("/videos/{id}", id).exchange().expectStatus().isOk();
      http.get()
          .uri(b -> b.path("/videos").queryParam("path", path).build())
          .exchange()
          .expectStatus()
          .isOk();
      http.put()
          .uri("/videos/{id}", id)
          .header("If-Match", "\"1\"")
          .bodyValue(draft("/loop/renamed-" + i + ".mp4"))
          .exchange()
          .expectStatus()
          .isOk();
      http.get().uri("/videos/search?q=otter&limit=5").exchange().expectStatus().isOk();
      http.get().uri("/videos?limit=5").exchange().expectStatus().isOk();
      http.get().uri("/videos/count").exchange().expectStatus().isOk();
      http.get().uri("/videos/{id}", "missing-" + i).exchange().expectStatus().isNotFound();
      http.delete()
          .uri("/videos/{id}", id)
          .header("If-Match", "\"2\"")
          .exchange()
          .expectStatus()
          .isNoContent();
    }
    http.post()
        .uri("/videos/import")
        .bodyValue(List.of(draft("/loop/import-a.mp4"), draft("/loop/import-b.mp4")))
        .exchange()
        .expectStatus()
        .isCreated();
    http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    assertThat(BLOCKING).as("blocking calls on an event loop").isEmpty();
  }
}
