package dev.cutover.aws.state;

import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Maps the {@code aws_*} Terraform types of the hashicorp/aws provider to canonical resources:
 *
 * <ul>
 *   <li>{@code network}: {@code aws_vpc}, {@code aws_default_vpc} (+ {@code
 *       aws_vpc_ipv4_cidr_block_association}, {@code aws_vpc_ipv6_cidr_block_association})
 *   <li>{@code subnet}: {@code aws_subnet}, {@code aws_default_subnet}
 *   <li>{@code firewall}: {@code aws_security_group}, {@code aws_default_security_group} (+ {@code
 *       aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule}, {@code
 *       aws_vpc_security_group_egress_rule})
 *   <li>{@code load_balancer}: {@code aws_lb}, {@code aws_alb} (+ listeners, listener rules and
 *       target groups of both spellings)
 *   <li>{@code database}: {@code aws_db_instance}, {@code aws_rds_cluster}
 *   <li>{@code dns_record_set}: {@code aws_route53_record}
 * </ul>
 *
 * Ids are those the live scan gives the same resource (brief, "Canonical conventions"), so that
 * drift pairs them. Instances without what their kind needs are skipped and logged, never fatal.
 */
public final class AwsStateMapper implements StateMapper {

  /** Every Terraform type this mapper reads. */
  public static final Set<String> TYPES =
      Set.copyOf(
          Stream.of(
                  NetworkStates.VPC_TYPES,
                  NetworkStates.ASSOCIATION_TYPES,
                  NetworkStates.SUBNET_TYPES,
                  SecurityGroupStates.GROUP_TYPES,
                  SecurityGroupStates.RULE_TYPES,
                  LoadBalancerStates.BALANCER_TYPES,
                  LoadBalancerStates.LISTENER_TYPES,
                  LoadBalancerStates.RULE_TYPES,
                  LoadBalancerStates.TARGET_GROUP_TYPES,
                  DatabaseStates.TYPES,
                  RecordSetStates.TYPES)
              .flatMap(Set::stream)
              .toList());

  @Override
  public boolean handles(String terraformType) {
    return TYPES.contains(terraformType);
  }

  @Override
  public List<Resource> map(List<StateResource> instances) {
    List<Resource> resources = new ArrayList<>();
    resources.addAll(NetworkStates.map(instances));
    resources.addAll(SecurityGroupStates.map(instances));
    resources.addAll(LoadBalancerStates.map(instances));
    resources.addAll(DatabaseStates.map(instances));
    resources.addAll(RecordSetStates.map(instances));
    return resources;
  }
}
