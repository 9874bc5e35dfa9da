package dev.cutover.azure.canonical;

import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.model.Subnet;
import java.util.List;

/** A virtual network's subnet as a canonical {@link Subnet}, the same way from state and live. */
public final class AzureSubnets {

  private AzureSubnets() {}

  /**
   * A subnet: its address prefixes as canonical CIDRs without repeats, the first as {@code cidr}
   * (null if there is none), the others as {@code additionalCidrs}; {@code zone} null: Azure
   * subnets are regional.
   *
   * @param network the id of the virtual network it belongs to
   * @param prefixes ARM {@code addressPrefix} then {@code addressPrefixes}, or Terraform {@code
   *     address_prefix} then {@code address_prefixes}, in that order
   */
  public static Subnet subnet(ResourceMeta meta, String network, List<String> prefixes) {
    List<String> cidrs = prefixes.stream().map(Cidrs::canonical).distinct().toList();
    return new Subnet(
        meta,
        network,
        cidrs.isEmpty() ? null : cidrs.get(0),
        cidrs.size() > 1 ? cidrs.subList(1, cidrs.size()) : List.of(),
        null);
  }
}
