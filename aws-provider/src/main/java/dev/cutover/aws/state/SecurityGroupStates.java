package dev.cutover.aws.state;

import dev.cutover.aws.mapping.Arns;
import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.SecurityGroupRules;
import dev.cutover.aws.mapping.SecurityGroupRules.Peers;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_security_group} and {@code aws_default_security_group} (inline {@code ingress}/{@code
 * egress} blocks), {@code aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule} and
 * {@code aws_vpc_security_group_egress_rule} to {@link FirewallRuleSet}. Rule resources merge into
 * the group they name in {@code security_group_id}; a rule whose group is not in the state becomes
 * a group of its own, keyed by that id, with the rule resource's type and the smallest address of
 * its rules. A rule without a group id or a direction is skipped.
 */
final class SecurityGroupStates {

  static final Set<String> GROUP_TYPES = Set.of("aws_security_group", "aws_default_security_group");
  static final String RULE = "aws_security_group_rule";
  static final String VPC_INGRESS_RULE = "aws_vpc_security_group_ingress_rule";
  static final String VPC_EGRESS_RULE = "aws_vpc_security_group_egress_rule";
  static final Set<String> RULE_TYPES = Set.of(RULE, VPC_INGRESS_RULE, VPC_EGRESS_RULE);

  private SecurityGroupStates() {}

  static List<Resource> map(List<StateResource> instances) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (StateResource group : StateMeta.ofTypes(instances, GROUP_TYPES)) {
      String id = group.string("id");
      if (id == null) {
        StateMeta.skipped(group, "id");
        continue;
      }
      Group canonical =
          new Group(StateMeta.meta(group, id, group.string("name")), group.string("vpc_id"));
      for (Map<String, Object> block : group.blocks("ingress")) {
        canonical.rules.addAll(inline(Direction.INGRESS, block, id, group.address()));
      }
      for (Map<String, Object> block : group.blocks("egress")) {
        canonical.rules.addAll(inline(Direction.EGRESS, block, id, group.address()));
      }
      groups.put(id.toLowerCase(Locale.ROOT), canonical);
    }
    for (StateResource rule : StateMeta.ofTypes(instances, RULE_TYPES)) {
      String groupId = rule.string("security_group_id");
      Direction direction = direction(rule);
      if (groupId == null || direction == null) {
        StateMeta.skipped(rule, groupId == null ? "security_group_id" : "type (ingress|egress)");
        continue;
      }
      Group group =
          groups.computeIfAbsent(groupId.toLowerCase(Locale.ROOT), k -> new Group(null, null));
      if (group.meta == null
          || (group.placeholder && rule.address().compareTo(group.meta.address()) < 0)) {
        group.placeholder = true;
        group.meta =
            new ResourceMeta(
                AwsTypes.CLOUD,
                groupId,
                null,
                rule.address(),
                rule.type(),
                Arns.region(rule.string("arn")),
                Map.of());
      }
      group.rules.addAll(separate(direction, rule, groupId));
    }
    return groups.values().stream()
        .map(g -> (Resource) new FirewallRuleSet(g.meta, g.network, g.rules))
        .toList();
  }

  private static List<FirewallRule> inline(
      Direction direction, Map<String, Object> block, String groupId, String where) {
    Peers peers =
        new Peers(
            Attributes.strings(block, "cidr_blocks"),
            Attributes.strings(block, "ipv6_cidr_blocks"),
            Attributes.strings(block, "prefix_list_ids"),
            Attributes.strings(block, "security_groups"),
            Boolean.TRUE.equals(Attributes.bool(block, "self")));
    return SecurityGroupRules.rules(
        direction,
        Attributes.string(block, "protocol"),
        Attributes.integer(block, "from_port"),
        Attributes.integer(block, "to_port"),
        peers,
        groupId,
        Attributes.string(block, "description"),
        where);
  }

  /**
   * The rules of a rule resource: {@code aws_security_group_rule} names its peers as the inline
   * blocks do, the {@code aws_vpc_security_group_*_rule} resources one peer each.
   */
  private static List<FirewallRule> separate(
      Direction direction, StateResource rule, String groupId) {
    boolean classic = rule.type().equals(RULE);
    Peers peers =
        classic
            ? new Peers(
                rule.strings("cidr_blocks"),
                rule.strings("ipv6_cidr_blocks"),
                rule.strings("prefix_list_ids"),
                rule.strings("source_security_group_id"),
                Boolean.TRUE.equals(rule.bool("self")))
            : new Peers(
                rule.strings("cidr_ipv4"),
                rule.strings("cidr_ipv6"),
                rule.strings("prefix_list_id"),
                rule.strings("referenced_security_group_id"),
                false);
    return SecurityGroupRules.rules(
        direction,
        rule.string(classic ? "protocol" : "ip_protocol"),
        rule.integer("from_port"),
        rule.integer("to_port"),
        peers,
        groupId,
        rule.string("description"),
        rule.address());
  }

  private static Direction direction(StateResource rule) {
    switch (rule.type()) {
      case VPC_INGRESS_RULE:
        return Direction.INGRESS;
      case VPC_EGRESS_RULE:
        return Direction.EGRESS;
      default:
        String type = rule.string("type");
        if ("ingress".equals(type)) {
          return Direction.INGRESS;
        }
        return "egress".equals(type) ? Direction.EGRESS : null;
    }
  }

  /** A group being assembled. */
  private static final class Group {
    ResourceMeta meta;

    /** True for a group known only from rule resources: its meta comes from its first rule. */
    boolean placeholder;

    final String network;
    final List<FirewallRule> rules = new ArrayList<>();

    Group(ResourceMeta meta, String network) {
      this.meta = meta;
      this.network = network;
    }
  }
}
