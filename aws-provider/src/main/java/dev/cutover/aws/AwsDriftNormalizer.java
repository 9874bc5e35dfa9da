package dev.cutover.aws;

import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.DriftNormalizer;
import java.util.List;
import java.util.Set;

/**
 * What AWS adds by itself, so that a real account's defaults do not show as drift.
 *
 * <ul>
 *   <li><b>Default egress.</b> A new security group gets "allow all traffic to 0.0.0.0/0" (and to
 *       {@code ::/0} in a VPC with IPv6) (Amazon VPC User Guide, "Security group rules": "default
 *       outbound rule"). Terraform's {@code aws_security_group} removes it unless declared, but a
 *       group whose rules are managed elsewhere keeps it. When the state side has no egress rule
 *       and live has exactly that rule (or pair), live's is dropped.
 *   <li><b>Default group's self rule.</b> The default security group of every VPC allows all
 *       inbound traffic from itself (Amazon VPC User Guide, "Default security groups for your
 *       VPCs"). Only {@code aws_default_security_group} removes it when adopting the group; when
 *       the state knows the default group otherwise (rules as separate resources) and lacks that
 *       rule, live's is dropped.
 * </ul>
 *
 * What AWS creates whole (the default VPC, its subnets and security groups, a zone's NS and SOA
 * records) is marked {@link dev.cutover.core.model.ResourceMeta#cloudDefault()} by the live scan,
 * so drift does not report it unmanaged.
 */
public final class AwsDriftNormalizer implements DriftNormalizer {

  static final String DEFAULT_GROUP = "default";
  private static final Set<String> ALL_ADDRESSES = Set.of("0.0.0.0/0", "::/0");

  @Override
  public Resource normalize(Resource state, Resource live) {
    if (!(state instanceof FirewallRuleSet stateGroup)
        || !(live instanceof FirewallRuleSet liveGroup)) {
      return live;
    }
    List<FirewallRule> rules = liveGroup.rules();
    if (stateGroup.rules().stream().noneMatch(r -> r.direction() == Direction.EGRESS)
        && isDefaultEgress(rules)) {
      rules = rules.stream().filter(r -> r.direction() != Direction.EGRESS).toList();
    }
    if (DEFAULT_GROUP.equals(liveGroup.meta().name())
        && !"aws_default_security_group".equals(stateGroup.meta().nativeType())) {
      FirewallRule self = selfRule(liveGroup.meta().id());
      if (stateGroup.rules().stream().noneMatch(r -> r.withoutLabels().equals(self))) {
        rules = rules.stream().filter(r -> !r.withoutLabels().equals(self)).toList();
      }
    }
    return rules.equals(liveGroup.rules()) ? live : liveGroup.withRules(rules);
  }

  /** Live egress is exactly allow-all to 0.0.0.0/0, optionally with ::/0. */
  private static boolean isDefaultEgress(List<FirewallRule> rules) {
    List<FirewallRule> egress =
        rules.stream().filter(r -> r.direction() == Direction.EGRESS).toList();
    if (egress.isEmpty() || egress.size() > 2) {
      return false;
    }
    boolean hasIpv4 = false;
    for (FirewallRule rule : egress) {
      if (!rule.withoutLabels()
              .equals(FirewallRule.allow(Direction.EGRESS, "all", null, null, rule.peer()))
          || !ALL_ADDRESSES.contains(rule.peer())) {
        return false;
      }
      hasIpv4 |= rule.peer().equals("0.0.0.0/0");
    }
    return hasIpv4 && egress.stream().map(FirewallRule::peer).distinct().count() == egress.size();
  }

  private static FirewallRule selfRule(String groupId) {
    return FirewallRule.allow(Direction.INGRESS, "all", null, null, "sg:" + groupId);
  }
}
