import org.jspecify.annotations.NullMarked;

/** video-catalog, a batch tool over the SQLite or the PostgreSQL backend. Not published. */
@NullMarked
module io.github.stoatferret.videorepo.examples {
  requires io.github.stoatferret.videorepo.sqlite;
  requires io.github.stoatferret.videorepo.postgres;
  requires com.zaxxer.hikari;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  // picocli fills the commands' annotated fields by reflection.
  opens io.github.stoatferret.videorepo.examples.catalog to
      info.picocli;
}
