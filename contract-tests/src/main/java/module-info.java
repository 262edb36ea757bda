import org.jspecify.annotations.NullMarked;

/**
 * The conformance kit for {@link io.github.stoatferret.videorepo.VideoRepository} backends: extend
 * {@link io.github.stoatferret.videorepo.contract.VideoRepositoryContract} in a test. The {@code
 * property} package is the small property-testing engine the kit runs on.
 */
@NullMarked
module io.github.stoatferret.videorepo.contract {
  requires transitive io.github.stoatferret.videorepo;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.contract;
  exports io.github.stoatferret.videorepo.contract.property;

  // JUnit reflects on the kit's test methods and lifecycle methods.
  opens io.github.stoatferret.videorepo.contract to
      org.junit.platform.commons;
}
