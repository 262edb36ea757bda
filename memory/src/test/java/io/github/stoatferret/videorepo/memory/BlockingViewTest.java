package io.github.stoatferret.videorepo.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.WaitInterruptedException;
import io.github.stoatferret.videorepo.WaitTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the blocking view adds to a repository: waiting, unwrapping, interrupts, pages. */
class BlockingViewTest {

  private static Video video(int i) {
    Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i);
    return Video.builder()
        .id(String.format("v%05d", i))
        .path("/v/" + i + ".mp4")
        .filename(i + ".mp4")
        .durationFrames(10)
        .frameRate(25, 1)
        .resolution(640, 480)
        .videoCodec("h264")
        .fileSize(100)
        .timestamps(t)
        .build();
  }

  private static VideoRepository answering(CompletableFuture<?> stage) {
    return new StubRepository(InMemoryVideoRepository.create(), stage, new AtomicInteger());
  }

  @Test
  void returnsValuesAndThrowsTheSpecificationsExceptionsThemselves() {
    BlockingVideoRepository repo = InMemoryVideoRepository.create().blocking();
    assertEquals(video(1), repo.add(video(1)));
    DuplicateVideoException clash =
        assertThrows(DuplicateVideoException.class, () -> repo.add(video(1)));
    assertEquals(DuplicateVideoException.Key.ID, clash.key());
    assertThrows(VideoNotFoundException.class, () -> repo.update(video(2)));
    assertEquals(
        "id", assertThrows(InvalidArgumentException.class, () -> repo.get(null)).parameter());
    assertEquals(
        "limit", assertThrows(InvalidArgumentException.class, () -> repo.list(-1, 0)).parameter());
    assertEquals(video(1), repo.get("v00001").orElseThrow());
    assertEquals(1L, repo.count());
    assertTrue(repo.delete("v00001"));
    repo.close(); // closes the repository under the view
    assertThrows(RepositoryClosedException.class, repo::count);
  }

  @Test
  void unwrapsNestedCompletionExceptionsAndReportsCheckedOnesAsStorageFailures() {
    DuplicateVideoException clash =
        new DuplicateVideoException(DuplicateVideoException.Key.PATH, "/x");
    CompletableFuture<Object> nested =
        CompletableFuture.failedFuture(new CompletionException(new CompletionException(clash)));
    assertSame(
        clash,
        assertThrows(DuplicateVideoException.class, () -> answering(nested).blocking().count()));
    CompletableFuture<Object> checked = CompletableFuture.failedFuture(new IOException("disk"));
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> answering(checked).blocking().count());
    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("count failed with a checked exception"), e.getMessage());
  }

  @Test
  void anInterruptedCallerGetsAnExceptionAndKeepsItsFlag() {
    BlockingVideoRepository repo = answering(new CompletableFuture<>()).blocking();
    Thread.currentThread().interrupt();
    try {
      WaitInterruptedException e = assertThrows(WaitInterruptedException.class, repo::count);
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
      assertInstanceOf(InterruptedException.class, e.getCause());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aViewWithATimeoutStopsWaitingAndSaysHowLong() {
    BlockingVideoRepository repo =
        BlockingVideoRepository.of(answering(new CompletableFuture<>()), Duration.ofMillis(20));
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> repo.get("a"));
    assertTrue(e.getMessage().startsWith("get did not complete within PT0.02S"), e.getMessage());
    assertThrows(
        InvalidArgumentException.class,
        () -> BlockingVideoRepository.of(InMemoryVideoRepository.create(), Duration.ZERO));
  }

  @Test
  void streamWalksEverythingInListOrderFetchingPagesOnlyAsNeeded() {
    InMemoryVideoRepository memory = InMemoryVideoRepository.create();
    memory.blocking().addAll(IntStream.range(0, 25).mapToObj(BlockingViewTest::video).toList());
    AtomicInteger pages = new AtomicInteger();
    BlockingVideoRepository repo = new StubRepository(memory, null, pages).blocking();
    try (Stream<Video> all = repo.stream(10)) {
      assertEquals(memory.blocking().list(100, 0), all.toList());
    }
    assertEquals(3, pages.get(), "25 videos in pages of 10");
    pages.set(0);
    try (Stream<Video> first = repo.stream(10)) {
      assertEquals(List.of(video(24), video(23)), first.limit(2).toList());
    }
    assertEquals(1, pages.get(), "a short walk reads one page");
    assertThrows(InvalidArgumentException.class, () -> repo.stream(0));
    assertEquals(List.of(), InMemoryVideoRepository.create().blocking().stream().toList());
  }
}
