package io.github.stoatferret.videorepo.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The video service as a team would write it without videorepo, the baseline of the HTTP benchmark:
 * Spring MVC on Tomcat, HikariCP, Spring Data JDBC on PostgreSQL and JdbcTemplate on SQLite (Spring
 * Data JDBC has no SQLite dialect), Bean Validation. Same endpoints and JSON as the reference
 * service; no change stream (a team would poll).
 */
@SpringBootApplication
public class BaselineServiceApplication {

  BaselineServiceApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(BaselineServiceApplication.class, args);
  }
}
