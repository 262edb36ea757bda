package io.github.stoatferret.videorepo.contract.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.Video;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The linearizability checker on hand-made histories. */
class LinearizabilityTest {

  private static final Video A =
      Video.builder()
          .id("a")
          .path("/a")
          .filename("a")
          .frameRate(25, 1)
          .videoCodec("h264")
          .timestamps(Instant.EPOCH)
          .build();

  private static Linearizability.Call call(int thread, Op op, long from, long to, Object value) {
    return new Linearizability.Call(thread, op, from, to, Outcome.ok(value));
  }

  @Test
  void overlappingCallsMayTakeEitherOrder() {
    // A read overlapping an add may see it or not.
    var history =
        List.of(call(0, new Op.Add(A), 0, 10, A), call(1, new Op.Get("a"), 5, 8, Optional.empty()));
    assertTrue(Linearizability.check(ModelState.EMPTY, history).isEmpty());
    var seen =
        List.of(call(0, new Op.Add(A), 0, 10, A), call(1, new Op.Get("a"), 5, 8, Optional.of(A)));
    assertTrue(Linearizability.check(ModelState.EMPTY, seen).isEmpty());
  }

  @Test
  void aReadAfterACompletedWriteMustSeeIt() {
    var history =
        List.of(
            call(0, new Op.Add(A), 0, 10, A), call(1, new Op.Get("a"), 11, 12, Optional.empty()));
    assertTrue(Linearizability.check(ModelState.EMPTY, history).isPresent());
  }

  @Test
  void twoWinnersOfOneIdAreNotLinearizable() {
    Video a2 = A.toBuilder().path("/b").build();
    var history = List.of(call(0, new Op.Add(A), 0, 10, A), call(1, new Op.Add(a2), 0, 10, a2));
    var report = Linearizability.check(ModelState.EMPTY, history);
    assertTrue(report.isPresent());
    assertTrue(report.get().contains("add("), report.get());
  }
}
