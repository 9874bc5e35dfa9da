package dev.cutover.core.traffic;

import dev.cutover.core.traffic.run.Ticker;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when someone sleeps: hours of bake run in milliseconds. */
public final class FakeTicker implements Ticker {

  private Instant now;
  private Runnable onSleep = () -> {};

  public FakeTicker(Instant start) {
    this.now = start;
  }

  /** Runs {@code action} at each sleep (after the clock moved), e.g. to change weights by hand. */
  public void onSleep(Runnable action) {
    this.onSleep = action;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public void sleep(Duration duration) {
    synchronized (this) {
      now = now.plus(duration.isZero() ? Duration.ofMillis(1) : duration);
    }
    onSleep.run();
  }
}
