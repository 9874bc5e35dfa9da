package dev.cutover.core.traffic;

import java.util.Objects;

/**
 * One member of a weighted record set in the provider's own units.
 *
 * @param id Route 53 {@code SetIdentifier} or Traffic Manager endpoint name
 * @param weight the provider's weight (Route 53 0–255; Traffic Manager 1–1000)
 * @param enabled false for a Traffic Manager endpoint with {@code endpointStatus: Disabled}; always
 *     true for Route 53
 */
public record MemberWeight(String id, int weight, boolean enabled) {

  public MemberWeight {
    Objects.requireNonNull(id, "id");
  }

  /** The weight that counts for traffic: 0 when disabled. */
  public int effectiveWeight() {
    return enabled ? weight : 0;
  }
}
