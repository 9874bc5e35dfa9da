package dev.cutover.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void pause_doublingUpToMax_stopsAtTheDeadline() {
    Instant start = Instant.parse("2026-11-21T00:00:00Z");
    FakeTicker ticker = new FakeTicker(start);
    List<Duration> pauses = new ArrayList<>();
    Instant[] last = {start};
    ticker.onSleep(
        () -> {
          pauses.add(Duration.between(last[0], ticker.now()));
          last[0] = ticker.now();
        });
    Backoff backoff =
        Backoff.until(Duration.ofMillis(150), Duration.ofMillis(20), Duration.ofMillis(40), ticker);

    while (backoff.pause()) {
      // each pause advances the fake clock
    }

    // 20 + 40 + 40 + 40, then the 10 ms left: cut at the deadline, never past it.
    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(40),
            Duration.ofMillis(40),
            Duration.ofMillis(10));
    assertThat(ticker.now()).isEqualTo(start.plusMillis(150));
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
