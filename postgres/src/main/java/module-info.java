import org.jspecify.annotations.NullMarked;

/**
 * The PostgreSQL backend: {@link io.github.stoatferret.videorepo.postgres.PostgresVideoRepository}
 * over the user's {@link javax.sql.DataSource}.
 */
@NullMarked
// pgjdbc has no module descriptor, only a stable Automatic-Module-Name (org.postgresql.jdbc).
@SuppressWarnings("requires-automatic")
module io.github.stoatferret.videorepo.postgres {
  requires transitive io.github.stoatferret.videorepo;
  requires io.github.stoatferret.videorepo.engine;
  requires transitive java.sql;
  requires org.postgresql.jdbc;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.postgres;
}
