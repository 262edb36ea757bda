package example.backend;

import io.github.stoatferret.videorepo.Video;

/** A deliberately broken variant: its search is case-sensitive. The kit must say so. */
public class CaseSensitiveMapVideoRepository extends MapVideoRepository {
  @Override
  protected boolean matches(Video v, String query) {
    return v.filename().contains(query) || v.path().contains(query);
  }
}
