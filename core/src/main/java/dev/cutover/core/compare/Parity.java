package dev.cutover.core.compare;

import dev.cutover.core.model.Inventory;

/**
 * Parity: the source (left) against the target (right), usually across clouds, comparing meaning
 * rather than fields (a security group and an NSG as the flows each allows).
 */
public final class Parity {

  private Parity() {}

  /**
   * @param source the source inventory (live, state or snapshot)
   * @param target the target inventory
   * @param pairing how resources pair
   */
  public static Report compare(Inventory source, Inventory target, Pairing pairing) {
    throw new UnsupportedOperationException("parity engine: in progress (compare helper)");
  }
}
