package dev.cutover.core.traffic.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The runner's clock and sleep, replaceable so that tests run hours of bake in milliseconds. */
public interface Ticker {

  Instant now();

  /**
   * Sleeps.
   *
   * @throws InterruptedException if interrupted (the caller restores the flag)
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The wall clock and {@link Thread#sleep}. */
  static Ticker system() {
    return sleepingOn(Clock.systemUTC());
  }

  /** {@code clock}'s time and {@link Thread#sleep}. */
  static Ticker sleepingOn(Clock clock) {
    return new Ticker() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      }
    };
  }
}
