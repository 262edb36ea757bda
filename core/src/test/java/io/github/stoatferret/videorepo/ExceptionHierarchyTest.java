package io.github.stoatferret.videorepo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** VR-1.8's list of failure types is closed, and the type system says so. */
class ExceptionHierarchyTest {

  @Test
  void videoRepositoryExceptionPermitsExactlyTheSixTypesOfVr18() {
    assertTrue(VideoRepositoryException.class.isSealed());
    assertTrue(Modifier.isAbstract(VideoRepositoryException.class.getModifiers()));
    Set<Class<?>> permitted =
        Arrays.stream(VideoRepositoryException.class.getPermittedSubclasses())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            DuplicateVideoException.class,
            VideoNotFoundException.class,
            VersionConflictException.class,
            RepositoryClosedException.class,
            StorageException.class,
            ChangePositionExpiredException.class),
        permitted);
    for (Class<?> type : permitted) {
      assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
    }
  }
}
