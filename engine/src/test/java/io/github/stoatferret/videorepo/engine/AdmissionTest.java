package io.github.stoatferret.videorepo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate's promise: after close returns, no call is inside and none gets in. */
class AdmissionTest {

  private final Admission admission = new Admission();

  @Test
  void aClosedGateLetsNobodyInAndClosesOnce() {
    assertTrue(admission.enter());
    admission.exit();
    assertTrue(admission.close());
    assertFalse(admission.enter());
    assertTrue(admission.isClosed());
    assertFalse(admission.close());
  }

  @Test
  void closeWaitsForTheCallInside() throws Exception {
    assertTrue(admission.enter());
    CountDownLatch closed = new CountDownLatch(1);
    Thread closer =
        new Thread(
            () -> {
              admission.close();
              closed.countDown();
            });
    closer.start();
    assertFalse(closed.await(100, TimeUnit.MILLISECONDS), "close returned with a call inside");
    admission.exit();
    assertTrue(closed.await(5, TimeUnit.SECONDS), "close did not return after the call left");
    closer.join();
  }

  @Test
  void underConcurrentCallsNoneIsInsideAfterClose() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicBoolean afterClose = new AtomicBoolean();
    AtomicInteger lateEntries = new AtomicInteger();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread caller =
          new Thread(
              () -> {
                for (int i = 0; i < 200_000; i++) {
                  if (admission.enter()) {
                    inside.incrementAndGet();
                    if (afterClose.get()) {
                      lateEntries.incrementAndGet();
                    }
                    inside.decrementAndGet();
                    admission.exit();
                  }
                }
              });
      callers.add(caller);
      caller.start();
    }
    Thread.sleep(5);
    admission.close();
    afterClose.set(true);
    assertEquals(0, inside.get(), "a call was inside when close returned");
    for (Thread caller : callers) {
      caller.join();
    }
    assertEquals(0, lateEntries.get(), "calls got in after close returned");
  }
}
