import org.jspecify.annotations.NullMarked;

/**
 * What the two SQL engines share, so that a rule both keep is written once: admission and close,
 * the threads and executors an engine owns, its task queue, its failure policy and health, the
 * mapping of a {@link io.github.stoatferret.videorepo.Video} to table columns and the change log's
 * image of a video. Not an API: the package is exported to the two engines only, and may change in
 * any release.
 */
@NullMarked
// The two engines are built after this module, so javac cannot see them here.
@SuppressWarnings("module")
module io.github.stoatferret.videorepo.engine {
  requires transitive io.github.stoatferret.videorepo;
  requires transitive java.sql;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.engine to
      io.github.stoatferret.videorepo.sqlite,
      io.github.stoatferret.videorepo.postgres;
}
