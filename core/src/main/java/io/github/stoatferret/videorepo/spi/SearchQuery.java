package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.SearchText;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A search query read once, as {@link SearchText} defines the matching: it matches no video (it
 * holds a NUL or an unpaired surrogate), every video (it folds to the empty text), or the videos
 * whose folded file name or path contains {@link #folded()}. Every backend starts a search with it,
 * so the three cases are decided the same way everywhere (VR-7.1 to VR-7.3).
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.of(query);
 * if (limit == 0 || q.matchesNothing()) return List.of();
 * if (q.matchesEverything()) return list(limit, 0);
 * return scanFor(q.folded(), limit);
 * }</pre>
 */
public final class SearchQuery {

  private static final SearchQuery NOTHING = new SearchQuery(null);
  private static final SearchQuery EVERYTHING = new SearchQuery("");

  private final @Nullable String folded;

  private SearchQuery(@Nullable String folded) {
    this.folded = folded;
  }

  /**
   * Reads a query.
   *
   * @param query the caller's query, not null (check it first: {@link Arguments#notNull})
   * @return the query, folded once
   */
  public static SearchQuery of(String query) {
    if (!SearchText.isMatchable(query)) {
      return NOTHING;
    }
    String folded = SearchText.fold(query);
    return folded.isEmpty() ? EVERYTHING : new SearchQuery(folded);
  }

  /**
   * Whether no video can match.
   *
   * @return {@code true} for a query with a NUL or an unpaired surrogate
   */
  public boolean matchesNothing() {
    return folded == null;
  }

  /**
   * Whether every video matches: the search is the list order's first videos.
   *
   * @return {@code true} for a query that folds to the empty text
   */
  public boolean matchesEverything() {
    return folded != null && folded.isEmpty();
  }

  /**
   * The folded text a matching video's folded file name or path contains.
   *
   * @return the folded query, not empty
   * @throws IllegalStateException if the query matches nothing or everything: ask first
   */
  public String folded() {
    if (folded == null || folded.isEmpty()) {
      throw new IllegalStateException(
          "the query matches " + (folded == null ? "nothing" : "everything"));
    }
    return folded;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SearchQuery q && Objects.equals(folded, q.folded);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(folded);
  }

  @Override
  public String toString() {
    return matchesNothing() ? "SearchQuery[nothing]" : "SearchQuery[" + folded + "]";
  }
}
