import org.jspecify.annotations.NullMarked;

/**
 * Spring Boot auto-configuration for videorepo: {@link
 * io.github.stoatferret.videorepo.spring.VideoRepositoryAutoConfiguration}, configured by {@link
 * io.github.stoatferret.videorepo.spring.VideoRepositoryProperties}.
 */
@NullMarked
// Spring and Micrometer ship no module descriptors, only stable Automatic-Module-Names.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.stoatferret.videorepo.spring {
  requires transitive io.github.stoatferret.videorepo;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.boot;
  requires transitive spring.context;
  requires transitive spring.core;
  requires transitive micrometer.observation;
  requires spring.beans;
  requires static io.github.stoatferret.videorepo.sqlite;
  requires static io.github.stoatferret.videorepo.postgres;
  requires static io.github.stoatferret.videorepo.memory;
  // Optional integrations, each configured only when the application has it. Not transitive:
  // javac would then need them to compile every module that reads this one.
  requires static spring.boot.health;
  requires static spring.web;
  requires static micrometer.core;
  requires static java.sql;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.spring;

  // Spring reads the configuration classes reflectively and calls their package-private methods.
  opens io.github.stoatferret.videorepo.spring to
      spring.core,
      spring.beans,
      spring.context;
}
