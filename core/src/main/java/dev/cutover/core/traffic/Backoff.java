package dev.cutover.core.traffic;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.run.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Pauses between polls of a provider (Route 53 {@code GetChange}, a Traffic Manager read-back): the
 * interval starts at {@code initial} and doubles up to {@code max}, and no pause runs past the
 * deadline. Use one instance per wait:
 *
 * <pre>{@code
 * Backoff backoff = Backoff.until(timeout, Duration.ofSeconds(2), Duration.ofSeconds(15), clock);
 * while (!done()) {
 *   if (!backoff.pause()) {
 *     throw new CutoverException("still PENDING after " + timeout, null, true, null);
 *   }
 * }
 * }</pre>
 */
public final class Backoff {

  private final Instant deadline;
  private final Duration max;
  private final Ticker ticker;
  private Duration next;

  private Backoff(Instant deadline, Duration initial, Duration max, Ticker ticker) {
    this.deadline = deadline;
    this.next = initial;
    this.max = max;
    this.ticker = ticker;
  }

  /**
   * @param timeout how long the whole wait may take from now
   * @param initial the first pause
   * @param max the longest pause
   */
  public static Backoff until(Duration timeout, Duration initial, Duration max, Clock clock) {
    return until(timeout, initial, max, Ticker.sleepingOn(clock));
  }

  /** As {@link #until(Duration, Duration, Duration, Clock)}, sleeping through {@code ticker}. */
  public static Backoff until(Duration timeout, Duration initial, Duration max, Ticker ticker) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    return new Backoff(ticker.now().plus(timeout), initial, max, ticker);
  }

  /**
   * Sleeps for the next interval (cut at the deadline) and doubles it.
   *
   * @return false, without sleeping, if the deadline has passed
   * @throws CutoverException ({@code retryable()}) if the thread is interrupted; the interrupt flag
   *     is restored
   */
  public boolean pause() {
    Duration left = Duration.between(ticker.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    Duration sleep = next.compareTo(left) < 0 ? next : left;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) < 0 ? doubled : max;
    try {
      ticker.sleep(sleep);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CutoverException(
          "interrupted while waiting for a change to go live", null, true, e);
    }
    return true;
  }
}
