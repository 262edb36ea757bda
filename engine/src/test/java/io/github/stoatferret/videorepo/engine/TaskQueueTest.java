package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Groups, their bounds, and the stop mark that ends a taker only after what was queued. */
class TaskQueueTest {

  private final TaskQueue<Integer> queue = new TaskQueue<>();

  @Test
  void aGroupTakesWhatIsQueuedUpToItsBounds() {
    for (int i = 1; i <= 5; i++) {
      queue.add(i);
    }
    List<Integer> group = new ArrayList<>();
    assertTrue(queue.takeGroup(group, TaskQueue.FOREVER, 3));
    assertEquals(List.of(1, 2, 3), group);
    group.clear();
    assertTrue(queue.takeGroup(group, 0, 10));
    assertEquals(List.of(4, 5), group);
    group.clear();
    assertTrue(queue.takeGroup(group, 0, 10), "nothing queued and no wait: an empty group");
    assertTrue(group.isEmpty());
  }

  @Test
  void aGroupIsFullWhenItsWeightIsReached() {
    queue.add(100);
    queue.add(4000);
    queue.add(1);
    List<Integer> group = new ArrayList<>();
    queue.takeGroup(group, TaskQueue.FOREVER, 256, Integer::intValue, 4096);
    assertEquals(List.of(100, 4000), group, "full at 4,100 >= 4,096: the third waits");
  }

  @Test
  void aTakerStopsAtTheMarkAfterWhatWasQueuedBeforeIt() {
    queue.add(1);
    queue.add(2);
    queue.stop(2);
    List<Integer> group = new ArrayList<>();
    assertFalse(queue.takeGroup(group, TaskQueue.FOREVER, 10), "the mark was taken");
    assertEquals(List.of(1, 2), group, "the tasks before the mark are in the group, to be run");
    assertNull(queue.take(), "one mark per taker: the second taker stops too");
  }

  @Test
  void anInterruptDoesNotEndAWaitForever() throws Exception {
    CompletableFuture<Integer> taken = new CompletableFuture<>();
    Thread taker = new Thread(() -> taken.complete(queue.take()));
    taker.start();
    taker.interrupt();
    queue.add(7);
    assertEquals(7, taken.get(10, TimeUnit.SECONDS));
    taker.join();
  }

  @Test
  void aBoundedWaitEndsEmptyWithoutAStop() {
    List<Integer> group = new ArrayList<>();
    assertTrue(queue.takeGroup(group, TimeUnit.MILLISECONDS.toNanos(1), 10));
    assertTrue(group.isEmpty());
  }

  @Test
  void aSpinningTakeFindsATaskQueuedWhileItSpins() throws Exception {
    CompletableFuture<Integer> taken = new CompletableFuture<>();
    Thread taker = new Thread(() -> taken.complete(queue.take(TimeUnit.MILLISECONDS.toNanos(50))));
    taker.start();
    queue.add(3);
    assertEquals(3, taken.get(10, TimeUnit.SECONDS));
    queue.stop(1);
    assertNull(queue.take(TimeUnit.MICROSECONDS.toNanos(20)));
    taker.join();
  }
}
