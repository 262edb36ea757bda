package io.github.stoatferret.videorepo.contract.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.contract.Rule;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One rule, one id, everywhere: the ids of the specification (the {@code VideoRepository} Javadoc,
 * read from its source), the {@link Rule} catalogue and the kit's test names cannot drift apart.
 */
class RuleCatalogueTest {

  /** The specification's source, from this module's directory (where Surefire runs). */
  private static final Path SPECIFICATION =
      Path.of(
          "..",
          "core",
          "src",
          "main",
          "java",
          "io",
          "github",
          "stoatferret",
          "videorepo",
          "VideoRepository.java");

  private static Set<String> catalogue() {
    return Arrays.stream(Rule.values())
        .map(Rule::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theSpecificationAndTheCatalogueHaveTheSameRuleIds() throws Exception {
    assertTrue(
        Files.isRegularFile(SPECIFICATION),
        "specification not found at " + SPECIFICATION.toAbsolutePath());
    Matcher m = Pattern.compile("VR-\\d+\\.\\d+").matcher(Files.readString(SPECIFICATION));
    Set<String> specified = new TreeSet<>();
    while (m.find()) {
      specified.add(m.group());
    }
    Set<String> onlySpecified = new TreeSet<>(specified);
    onlySpecified.removeAll(catalogue());
    Set<String> onlyCatalogued = new TreeSet<>(catalogue());
    onlyCatalogued.removeAll(specified);
    assertEquals(Set.of(), onlySpecified, "ids in the specification but not in Rule");
    assertEquals(Set.of(), onlyCatalogued, "ids in Rule but not in the specification");
  }

  @Test
  void everyRuleHasATestNamedAfterItAndEveryTestNamesARule() {
    Set<String> tested = new TreeSet<>();
    for (Method method : VideoRepositoryContract.class.getMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        Rule rule = Rule.forMethod(method.getName());
        assertTrue(rule != null, () -> method.getName() + " does not name a rule of the catalogue");
        tested.add(rule.id());
      }
    }
    Set<String> untested = new TreeSet<>(catalogue());
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "rules without a test named after them");
  }
}
