package io.github.stoatferret.videorepo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/** The IDE metadata the build writes into the jar: every property there, each described. */
class PropertiesMetadataTest {

  @Test
  void everyPropertyIsListedWithADescription() throws Exception {
    ConfigurationMetadataRepository repository;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata written by the configuration processor").isNotNull();
      repository = ConfigurationMetadataRepositoryJsonBuilder.create(in).build();
    }
    Map<String, ConfigurationMetadataProperty> properties = repository.getAllProperties();
    assertThat(properties)
        .containsKeys(
            "videorepo.backend",
            "videorepo.sqlite.file",
            "videorepo.sqlite.durability",
            "videorepo.sqlite.caller-thread-reads",
            "videorepo.postgres.schema",
            "videorepo.postgres.schema-mode",
            "videorepo.feed.retention",
            "videorepo.feed.buffer",
            "videorepo.problem-details.enabled");
    for (ConfigurationMetadataProperty property : properties.values()) {
      assertThat(property.getDescription()).as(property.getId()).isNotBlank().doesNotContain("{@");
    }
    assertThat(properties.get("videorepo.backend").getDefaultValue()).isEqualTo("sqlite");
    assertThat(properties.get("videorepo.sqlite.file").getDefaultValue()).isEqualTo("videos.db");
  }
}
