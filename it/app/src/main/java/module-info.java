module example.app {
  requires io.github.stoatferret.videorepo.sqlite;
  requires io.github.stoatferret.videorepo.postgres;
  requires org.postgresql.jdbc;
}
