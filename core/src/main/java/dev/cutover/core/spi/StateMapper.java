package dev.cutover.core.spi;

import dev.cutover.core.model.Resource;
import dev.cutover.core.terraform.StateResource;
import java.util.List;

/**
 * Maps a provider's Terraform resource types ({@code aws_*}, {@code azurerm_*}) to canonical
 * resources. One per {@link CloudProvider}.
 */
public interface StateMapper {

  /** True if this mapper maps resources of this Terraform type (e.g. {@code aws_vpc}). */
  boolean handles(String terraformType);

  /**
   * Maps every instance of a handled type in one state, in file order. Separate rule resources
   * ({@code aws_security_group_rule}, {@code azurerm_network_security_rule}, ...) are merged into
   * the resource of the group they attach to, so the result has one resource per group; a rule
   * whose group is not in this state becomes a group of its own keyed by the referenced id.
   *
   * <p>Each resource's {@link dev.cutover.core.model.ResourceMeta#address()} is the Terraform
   * address of the resource it came from. Instances that lack what a kind needs (an id) are skipped
   * and logged, not fatal: real states hold partial objects.
   *
   * @param instances instances of handled types only
   * @return canonical resources
   */
  List<Resource> map(List<StateResource> instances);
}
