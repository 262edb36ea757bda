package io.github.stoatferret.videorepo.sqlite;

/**
 * How hard a commit works to survive failures. Both keep the database consistent after any crash;
 * they differ in which completed writes a crash may take back.
 */
public enum Durability {
  /**
   * WAL with {@code synchronous=NORMAL}, the default. A write whose stage completed survives a
   * crash or kill of the process. A power cut or operating-system crash may lose the last
   * transactions committed before it (never a partial one): the WAL is synced at checkpoints, not
   * at each commit (the repository's checkpointer thread runs one soon after writes, so that window
   * is short, but not zero). This is what SQLite recommends for WAL.
   */
  NORMAL,
  /**
   * WAL with {@code synchronous=FULL}: the WAL is synced at every commit, so a completed write also
   * survives a power cut, as far as the disk honours its syncs. Group commit keeps the cost of the
   * sync shared between the writes of one batch.
   */
  FULL
}
