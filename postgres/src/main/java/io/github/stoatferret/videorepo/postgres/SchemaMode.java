package io.github.stoatferret.videorepo.postgres;

/** What {@link PostgresVideoRepository} does with its schema when it opens. */
public enum SchemaMode {
  /**
   * Creates the schema and its tables if they are missing and applies the scripts a database lacks,
   * under a row lock that serialises processes opening at once. The default.
   */
  MIGRATE,
  /**
   * Changes nothing and checks that the schema is at this library's version: for users whose schema
   * changes go through their own review and tooling. The scripts in the jar ({@code
   * io/github/stoatferret/videorepo/postgres/schema/V1__videos.sql}, {@code V2__...}, applied in
   * order, with <code>&#123;schema&#125;</code> replaced by the quoted schema name) are complete,
   * the version table included: Flyway applies them as they are with <code>
   * placeholderPrefix("&#123;")</code>, <code>placeholderSuffix("&#125;")</code> and the
   * placeholder {@code schema}. Without the {@code pg_trgm} trigram indexes that {@link #MIGRATE}
   * adds where it can, search still works, scanning; add them as the README shows if the extension
   * is available.
   */
  VALIDATE,
  /**
   * Neither changes nor checks: the user has applied the scripts shipped in the jar, as for {@link
   * #VALIDATE}.
   */
  NONE
}
