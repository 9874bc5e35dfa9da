package dev.cutover.aws.state;

import dev.cutover.aws.mapping.CidrText;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_vpc}, {@code aws_default_vpc}, {@code aws_vpc_ipv4_cidr_block_association}, {@code
 * aws_vpc_ipv6_cidr_block_association}, {@code aws_subnet}, {@code aws_default_subnet} to {@link
 * Network} and {@link Subnet} (attributes of the Terraform AWS provider's resource docs). A VPC's
 * cidrs are its {@code cidr_block}, its {@code ipv6_cidr_block} and the blocks of the associations
 * in the same state; an association whose VPC is not in the state is ignored.
 */
final class NetworkStates {

  static final Set<String> VPC_TYPES = Set.of("aws_vpc", "aws_default_vpc");
  static final Set<String> ASSOCIATION_TYPES =
      Set.of("aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association");
  static final Set<String> SUBNET_TYPES = Set.of("aws_subnet", "aws_default_subnet");

  private NetworkStates() {}

  static List<Resource> map(List<StateResource> instances) {
    Map<String, List<String>> extraCidrs = new LinkedHashMap<>();
    for (StateResource association : StateMeta.ofTypes(instances, ASSOCIATION_TYPES)) {
      String vpc = association.string("vpc_id");
      if (vpc == null) {
        StateMeta.skipped(association, "vpc_id");
        continue;
      }
      List<String> cidrs =
          extraCidrs.computeIfAbsent(vpc.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      cidrs.addAll(association.strings("cidr_block"));
      cidrs.addAll(association.strings("ipv6_cidr_block"));
    }
    List<Resource> resources = new ArrayList<>();
    for (StateResource vpc : StateMeta.ofTypes(instances, VPC_TYPES)) {
      String id = vpc.string("id");
      if (id == null) {
        StateMeta.skipped(vpc, "id");
        continue;
      }
      List<String> cidrs = new ArrayList<>(vpc.strings("cidr_block"));
      cidrs.addAll(vpc.strings("ipv6_cidr_block"));
      cidrs.addAll(extraCidrs.getOrDefault(id.toLowerCase(Locale.ROOT), List.of()));
      resources.add(
          new Network(
              StateMeta.meta(vpc, id, StateMeta.nameTag(vpc)),
              CidrText.canonical(cidrs, vpc.address())));
    }
    for (StateResource subnet : StateMeta.ofTypes(instances, SUBNET_TYPES)) {
      String id = subnet.string("id");
      if (id == null) {
        StateMeta.skipped(subnet, "id");
        continue;
      }
      resources.add(
          new Subnet(
              StateMeta.meta(subnet, id, StateMeta.nameTag(subnet)),
              subnet.string("vpc_id"),
              CidrText.canonical(subnet.string("cidr_block"), subnet.address()),
              CidrText.canonical(subnet.strings("ipv6_cidr_block"), subnet.address()),
              subnet.string("availability_zone")));
    }
    return resources;
  }
}
