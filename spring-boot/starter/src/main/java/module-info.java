/**
 * The videorepo Spring Boot starter: the auto-configuration ({@code
 * io.github.stoatferret.videorepo.spring}) with the SQLite backend. An application on the module
 * path requires this one module.
 */
module io.github.stoatferret.videorepo.spring.starter {
  requires transitive io.github.stoatferret.videorepo.spring;
  requires transitive io.github.stoatferret.videorepo.sqlite;
}
