import org.jspecify.annotations.NullMarked;

/**
 * A thread-safe in-memory {@link io.github.stoatferret.videorepo.VideoRepository}: {@link
 * io.github.stoatferret.videorepo.memory.InMemoryVideoRepository}.
 */
@NullMarked
module io.github.stoatferret.videorepo.memory {
  requires transitive io.github.stoatferret.videorepo;
  requires static org.jspecify;

  exports io.github.stoatferret.videorepo.memory;
}
