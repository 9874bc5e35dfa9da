package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * A VPC or a virtual network.
 *
 * @param cidrs the address space (VPC primary and associated blocks, VNet {@code addressSpace}), in
 *     the canonical form of {@link Cidrs#canonical(String)}
 */
public record Network(@JsonUnwrapped ResourceMeta meta, List<String> cidrs) implements Resource {

  public Network {
    Objects.requireNonNull(meta, "meta");
    cidrs = cidrs == null ? List.of() : List.copyOf(cidrs);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.NETWORK;
  }

  @Override
  public Network withMeta(ResourceMeta newMeta) {
    return new Network(newMeta, cidrs);
  }
}
