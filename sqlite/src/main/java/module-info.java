import org.jspecify.annotations.NullMarked;

/** The SQLite backend: {@link io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository}. */
@NullMarked
module io.github.stoatferret.videorepo.sqlite {
  requires transitive io.github.stoatferret.videorepo;
  requires io.github.stoatferret.videorepo.engine;
  requires java.sql;
  requires org.xerial.sqlitejdbc;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.sqlite;
}
