module example.app {
  requires io.github.stoatferret.videorepo.sqlite;
}
