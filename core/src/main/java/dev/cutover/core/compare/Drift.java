package dev.cutover.core.compare;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.spi.DriftNormalizer;

/**
 * Drift: one cloud's Terraform state (left) against the same cloud live (right), paired by cloud id
 * (case-insensitively). Reports {@code missing} (in state, not live), {@code unmanaged} (live, not
 * in state) and {@code changed} (an attribute differs, with its path).
 */
public final class Drift {

  private Drift() {}

  /**
   * @param state the inventory mapped from the state
   * @param live the inventory read live (only kinds present in state are worth reading)
   * @param normalizer the cloud's own normalisation of live resources
   */
  public static Report compare(Inventory state, Inventory live, DriftNormalizer normalizer) {
    throw new UnsupportedOperationException("drift engine: in progress (compare helper)");
  }
}
