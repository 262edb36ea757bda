package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The column list follows {@code Video}: the read and the damaged-row messages rely on its order
 * and its component names. (The binding and reading themselves are tested against each database in
 * the engines' modules: DamagedRowTest, the contract kit.)
 */
class VideoColumnsTest {

  @Test
  void theVideoColumnsAreVideosComponentsInOrder() {
    List<String> components =
        Arrays.stream(Video.class.getRecordComponents()).map(RecordComponent::getName).toList();
    assertEquals(components, VideoColumns.VIDEO.stream().map(c -> c.field()).toList());
  }

  @Test
  void everyWrittenColumnIsNamedOnceAndDerivedOnesHoldNoField() {
    List<String> names = VideoColumns.WRITTEN.stream().map(VideoColumns.Column::name).toList();
    assertEquals(names.size(), names.stream().distinct().count());
    assertTrue(VideoColumns.DERIVED.stream().allMatch(c -> c.field() == null));
    assertEquals(
        "id = ?, path = ?", VideoColumns.names(VideoColumns.WRITTEN.subList(0, 2), " = ?"));
  }

  @Test
  void aDamagedRowNamesTheIdAndTheColumnAsAStorageFailure() {
    var e =
        VideoColumns.undecodable(
            "v1",
            VideoColumns.VIDEO.get(6),
            "holds 5000000000, beyond the range of an int",
            new InvalidArgumentException("width", "5000000000", "test"),
            " (hint)");
    assertTrue(e.getMessage().contains("\"v1\""), e.getMessage());
    assertTrue(e.getMessage().contains("column width holds 5000000000"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(hint)"), e.getMessage());
    assertEquals(false, e.isRetryable());
    assertInstanceOf(InvalidArgumentException.class, e.getCause());
  }
}
