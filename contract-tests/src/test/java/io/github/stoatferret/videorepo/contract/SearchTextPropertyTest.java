package io.github.stoatferret.videorepo.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Properties of the shared folding function, over the kit's tricky text. */
class SearchTextPropertyTest {

  @Test
  void foldingIsIdempotent() {
    Property.forAll(VideoGens.anyString())
        .named("fold(fold(s)) == fold(s)")
        .check(
            s -> {
              String once = SearchText.fold(s);
              assertEquals(once, SearchText.fold(once));
            });
  }

  @Test
  void asciiFoldsToLowerCase() {
    Property.forAll(Gen.strings(Gen.ints(0, 127), 30))
        .named("ASCII folds to lower case")
        .check(s -> assertEquals(s.toLowerCase(Locale.ROOT), SearchText.fold(s)));
  }

  @Test
  void textMatchesItsOwnUpperAndLowerCase() {
    Property.forAll(VideoGens.text(40))
        .named("upper and lower case of a text fold alike")
        .check(
            s -> {
              String f = SearchText.fold(s);
              assertTrue(
                  f.contains(SearchText.fold(s.toUpperCase(Locale.ROOT)))
                      || SearchText.fold(s.toUpperCase(Locale.ROOT)).contains(f),
                  s);
            });
  }
}
