package io.github.stoatferret.videorepo.contract.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stoatferret.videorepo.VideoRepository;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit hands tests the fixture's repository wrapped so that close is bounded; the wrapper must
 * delegate every method, the interface's default ones too, or the kit would check the default
 * instead of the backend's own version of it.
 */
class BoundedCloseDelegatesTest {

  @Test
  void everyMethodOfTheInterfaceIsDelegated() throws Exception {
    Class<?> wrapper = Class.forName("io.github.stoatferret.videorepo.contract.BoundedClose");
    List<String> missing =
        Arrays.stream(VideoRepository.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> !declares(wrapper, m))
            .map(Method::toString)
            .toList();
    assertEquals(List.of(), missing, "methods BoundedClose leaves to the interface's default");
  }

  /** Whether the class (or a superclass, e.g. spi.ForwardingVideoRepository) overrides it. */
  private static boolean declares(Class<?> type, Method m) {
    try {
      return type.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass()
          != VideoRepository.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
