package io.github.stoatferret.videorepo.contract;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Shows each rule test as its rule: {@code vr3_2_batchClashStoresNone} is displayed as "VR-3.2
 * addAll is atomic: ... (batchClashStoresNone)".
 */
public final class RuleDisplayNames extends DisplayNameGenerator.Standard {

  /** Used through {@code @DisplayNameGeneration}. */
  public RuleDisplayNames() {}

  @Override
  public String generateDisplayNameForMethod(
      List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
    Rule rule = Rule.forMethod(testMethod.getName());
    if (rule == null) {
      return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
    }
    String[] parts = testMethod.getName().split("_", 3);
    String detail = parts.length == 3 ? " (" + parts[2] + ")" : "";
    return rule.id() + " " + rule.statement() + detail;
  }
}
