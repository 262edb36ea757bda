package example.spring;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot application that only adds the starter and injects the repository. */
@SpringBootApplication
public class Main {
  public static void main(String[] args) {
    try (ConfigurableApplicationContext context = SpringApplication.run(Main.class, args)) {
      VideoRepository videos = context.getBean(VideoRepository.class);
      Instant now = Instant.now();
      Video video =
          Video.builder()
              .id(Video.newId())
              .path("/downstream/spring-" + now.toEpochMilli() + ".mp4")
              .filename("spring.mp4")
              .durationFrames(250)
              .frameRate(25, 1)
              .resolution(1280, 720)
              .videoCodec("h264")
              .fileSize(1)
              .timestamps(now)
              .build();
      videos.add(video).toCompletableFuture().join();
      long count = videos.count().toCompletableFuture().join();
      if (count < 1) {
        throw new AssertionError("count after add: " + count);
      }
      System.out.println("spring-app: " + videos + " holds " + count + " video(s)");
    }
  }
}
