package io.github.stoatferret.videorepo.examples.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference video service: a WebFlux application on the videorepo starter, with no repository
 * code of its own beyond the HTTP mapping in {@link VideoController}.
 */
@SpringBootApplication
public class VideoServiceApplication {

  /** Not instantiated but by Spring. */
  VideoServiceApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's command line ({@code --server.port=8081}, ...)
   */
  public static void main(String[] args) {
    SpringApplication.run(VideoServiceApplication.class, args);
  }
}
