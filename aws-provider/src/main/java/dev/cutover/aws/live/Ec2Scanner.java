package dev.cutover.aws.live;

import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.CidrText;
import dev.cutover.aws.mapping.SecurityGroupRules;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/**
 * VPCs, subnets and security groups of one region, each through one paginated bulk call ({@code
 * DescribeVpcs}, {@code DescribeSubnets}, {@code DescribeSecurityGroups}; EC2 API Reference). Only
 * CIDR blocks in state {@code associated} count; an old document without association sets gives its
 * {@code cidrBlock}.
 */
final class Ec2Scanner {

  private Ec2Scanner() {}

  static List<Resource> networks(Ec2Client ec2, LiveCalls calls) {
    List<Resource> networks = new ArrayList<>();
    calls.pages(
        "ec2:DescribeVpcs",
        () -> ec2.describeVpcsPaginator(b -> {}),
        page -> page.vpcs().forEach(vpc -> networks.add(network(vpc, calls.region()))));
    return networks;
  }

  static List<Resource> subnets(Ec2Client ec2, LiveCalls calls) {
    List<Resource> subnets = new ArrayList<>();
    calls.pages(
        "ec2:DescribeSubnets",
        () -> ec2.describeSubnetsPaginator(b -> {}),
        page ->
            page.subnets()
                .forEach(
                    subnet -> {
                      Map<String, String> tags = tags(subnet.tags());
                      String where = "ec2 subnet " + subnet.subnetId();
                      subnets.add(
                          new Subnet(
                              LiveMeta.of(
                                  subnet.subnetId(),
                                  tags.get("Name"),
                                  AwsTypes.SUBNET,
                                  calls.region(),
                                  tags,
                                  Boolean.TRUE.equals(subnet.defaultForAz())),
                              subnet.vpcId(),
                              CidrText.canonical(subnet.cidrBlock(), where),
                              CidrText.canonical(
                                  associated(
                                      subnet.ipv6CidrBlockAssociationSet(),
                                      a -> a.ipv6CidrBlock(),
                                      a -> state(a.ipv6CidrBlockState())),
                                  where),
                              subnet.availabilityZone()));
                    }));
    return subnets;
  }

  static List<Resource> securityGroups(Ec2Client ec2, LiveCalls calls) {
    List<Resource> groups = new ArrayList<>();
    calls.pages(
        "ec2:DescribeSecurityGroups",
        () -> ec2.describeSecurityGroupsPaginator(b -> {}),
        page ->
            page.securityGroups().forEach(group -> groups.add(firewall(group, calls.region()))));
    return groups;
  }

  private static Network network(Vpc vpc, String region) {
    List<String> cidrs = new ArrayList<>();
    if (vpc.cidrBlockAssociationSet().isEmpty()) {
      cidrs.add(vpc.cidrBlock());
    }
    cidrs.addAll(
        associated(
            vpc.cidrBlockAssociationSet(), a -> a.cidrBlock(), a -> state(a.cidrBlockState())));
    cidrs.addAll(
        associated(
            vpc.ipv6CidrBlockAssociationSet(),
            a -> a.ipv6CidrBlock(),
            a -> state(a.ipv6CidrBlockState())));
    Map<String, String> tags = tags(vpc.tags());
    return new Network(
        LiveMeta.of(
            vpc.vpcId(),
            tags.get("Name"),
            AwsTypes.VPC,
            region,
            tags,
            Boolean.TRUE.equals(vpc.isDefault())),
        CidrText.canonical(cidrs, "ec2 vpc " + vpc.vpcId()));
  }

  private static FirewallRuleSet firewall(SecurityGroup group, String region) {
    List<FirewallRule> rules = new ArrayList<>();
    String where = "ec2 security group " + group.groupId();
    group.ipPermissions().forEach(p -> rules.addAll(rules(Direction.INGRESS, p, where)));
    group.ipPermissionsEgress().forEach(p -> rules.addAll(rules(Direction.EGRESS, p, where)));
    Map<String, String> tags = tags(group.tags());
    return new FirewallRuleSet(
        LiveMeta.of(
            group.groupId(),
            group.groupName(),
            AwsTypes.SECURITY_GROUP,
            region,
            tags,
            isDefaultGroup(group)),
        group.vpcId() == null || group.vpcId().isBlank() ? null : group.vpcId(),
        rules);
  }

  /**
   * Each VPC's group named {@code default}, which AWS creates with the VPC; no other group can take
   * that name (EC2 API Reference, "CreateSecurityGroup").
   */
  private static boolean isDefaultGroup(SecurityGroup group) {
    return "default".equals(group.groupName()) && group.vpcId() != null && !group.vpcId().isBlank();
  }

  /** One rule per range, prefix list and group pair, each with its own description. */
  private static List<FirewallRule> rules(Direction direction, IpPermission p, String where) {
    List<FirewallRule> rules = new ArrayList<>();
    for (IpRange range : p.ipRanges()) {
      add(rules, direction, p, range.cidrIp(), range.description(), where);
    }
    for (Ipv6Range range : p.ipv6Ranges()) {
      add(rules, direction, p, range.cidrIpv6(), range.description(), where);
    }
    for (PrefixListId list : p.prefixListIds()) {
      if (list.prefixListId() != null) {
        add(rules, direction, p, "pl:" + list.prefixListId(), list.description(), where);
      }
    }
    for (UserIdGroupPair pair : p.userIdGroupPairs()) {
      if (pair.groupId() != null) {
        add(
            rules,
            direction,
            p,
            SecurityGroupRules.groupPeer(pair.groupId()),
            pair.description(),
            where);
      }
    }
    return rules;
  }

  private static void add(
      List<FirewallRule> rules,
      Direction direction,
      IpPermission p,
      String peer,
      String description,
      String where) {
    SecurityGroupRules.rule(
            direction, p.ipProtocol(), p.fromPort(), p.toPort(), peer, description, where)
        .ifPresent(rules::add);
  }

  /** The CIDRs of the associations in state {@code associated} (or without a state). */
  private static <A> List<String> associated(
      List<A> associations, Function<A, String> cidr, Function<A, String> state) {
    return associations.stream()
        .filter(a -> state.apply(a) == null || state.apply(a).equals("associated"))
        .map(cidr)
        .toList();
  }

  private static String state(VpcCidrBlockState state) {
    return state == null ? null : state.stateAsString();
  }

  private static String state(SubnetCidrBlockState state) {
    return state == null ? null : state.stateAsString();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return LiveMeta.tags(tags, Tag::key, Tag::value);
  }
}
