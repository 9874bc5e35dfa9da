package dev.cutover.core.compare;

import java.util.Map;

/**
 * How parity pairs a source resource with a target resource: first the explicit map (from {@code
 * cutover.yaml}), then the tag {@link #tagKey()} with equal values on both sides, then the name.
 * References in the map match a resource's Terraform address, its id (case-insensitively) or its
 * name (case-insensitively), in that order.
 *
 * <p>An entry whose source names a security group and whose target names no resource of the target
 * inventory (typically an Azure application security group id) maps rule references: a source rule
 * with peer {@code sg:<that group>} is compared as {@code sg:<target id>}. Without such an entry, a
 * reference maps to the target firewall the group is paired with.
 *
 * @param explicit source reference to target reference
 * @param tagKey the pairing tag; default {@code cutover:pair}
 */
public record Pairing(Map<String, String> explicit, String tagKey) {

  public static final String DEFAULT_TAG = "cutover:pair";

  public Pairing {
    explicit = explicit == null ? Map.of() : Map.copyOf(explicit);
    tagKey = tagKey == null ? DEFAULT_TAG : tagKey;
  }

  public static Pairing of(Map<String, String> explicit) {
    return new Pairing(explicit, null);
  }

  public static Pairing byTagAndName() {
    return new Pairing(null, null);
  }
}
