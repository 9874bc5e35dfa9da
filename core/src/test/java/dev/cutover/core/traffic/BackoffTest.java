package dev.cutover.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void pause_doublingUpToMax_stopsAtTheDeadline() {
    Backoff backoff =
        Backoff.until(
            Duration.ofMillis(150),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Clock.systemUTC());
    long start = System.nanoTime();
    int pauses = 0;

    while (backoff.pause()) {
      pauses++;
    }

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // 20 + 40 + 40 + 40 + 10 (cut at the deadline): five pauses, about 150 ms.
    assertThat(pauses).isBetween(4, 6);
    assertThat(elapsed).isBetween(Duration.ofMillis(145), Duration.ofMillis(1000));
  }

  @Test
  void pause_deadlineAlreadyPassed_returnsFalseAtOnce() {
    Backoff backoff =
        Backoff.until(
            Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.systemUTC());

    assertThat(backoff.pause()).isFalse();
  }

  @Test
  void pause_interrupted_throwsRetryableAndKeepsTheFlag() {
    Backoff backoff =
        Backoff.until(
            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(backoff::pause)
          .isInstanceOfSatisfying(CutoverException.class, e -> assertThat(e.retryable()).isTrue());
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
