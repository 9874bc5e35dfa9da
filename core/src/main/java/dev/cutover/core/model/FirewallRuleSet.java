package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * An AWS security group or an Azure network security group, as its rules.
 *
 * <p>Rules declared as separate Terraform resources ({@code aws_security_group_rule}, {@code
 * azurerm_network_security_rule}, ...) are merged into the set of the group they attach to. Rules
 * are kept sorted in canonical order, so rule order never shows as a difference.
 *
 * @param network the VPC id an AWS group belongs to; null for NSGs (not tied to one network)
 * @param rules the rules, one per peer and port range
 */
public record FirewallRuleSet(
    @JsonUnwrapped ResourceMeta meta,
    @JsonInclude(JsonInclude.Include.NON_NULL) String network,
    List<FirewallRule> rules)
    implements Resource {

  public FirewallRuleSet {
    Objects.requireNonNull(meta, "meta");
    rules = rules == null ? List.of() : rules.stream().sorted().distinct().toList();
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.FIREWALL;
  }

  @Override
  public FirewallRuleSet withMeta(ResourceMeta newMeta) {
    return new FirewallRuleSet(newMeta, network, rules);
  }

  public FirewallRuleSet withRules(List<FirewallRule> newRules) {
    return new FirewallRuleSet(meta, network, newRules);
  }
}
