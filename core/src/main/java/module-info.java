import org.jspecify.annotations.NullMarked;

/**
 * The videorepo API: the {@link io.github.stoatferret.videorepo.Video} record and the asynchronous
 * {@link io.github.stoatferret.videorepo.VideoRepository}, whose Javadoc is the specification every
 * backend keeps. The {@code spi} package holds helpers for backend authors.
 */
@NullMarked
module io.github.stoatferret.videorepo {
  requires static transitive org.jspecify;

  exports io.github.stoatferret.videorepo;
  exports io.github.stoatferret.videorepo.spi;
}
