package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * A subnet of a {@link Network}.
 *
 * @param network the id of the network it belongs to (VPC id, VNet resource id)
 * @param cidr the primary IPv4 range (AWS {@code CidrBlock}, Azure {@code addressPrefix} or the
 *     first of {@code addressPrefixes})
 * @param additionalCidrs further ranges (AWS IPv6 block, further Azure prefixes); empty if none
 * @param zone availability zone ({@code us-east-1a}); null where subnets are regional (Azure)
 */
public record Subnet(
    @JsonUnwrapped ResourceMeta meta,
    String network,
    String cidr,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> additionalCidrs,
    String zone)
    implements Resource {

  public Subnet {
    Objects.requireNonNull(meta, "meta");
    additionalCidrs = additionalCidrs == null ? List.of() : List.copyOf(additionalCidrs);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.SUBNET;
  }

  @Override
  public Subnet withMeta(ResourceMeta newMeta) {
    return new Subnet(newMeta, network, cidr, additionalCidrs, zone);
  }
}
