package dev.cutover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.aws.state.AwsStateMapper;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.terraform.StateResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Merging of separate Terraform resources (rules, listeners, associations, weighted records) that
 * the real fixture states do not hold. Attribute names and shapes are those the hashicorp/aws
 * provider writes (its resource docs); the rule resources follow a real provider-5.x state.
 */
class AwsStateMapperMergeTest {

  private final AwsStateMapper mapper = new AwsStateMapper();

  @Test
  void map_vpcSecurityGroupRuleResources_mergeIntoTheirGroup() {
    List<Resource> mapped =
        mapper.map(
            List.of(
                instance(
                    "aws_security_group.admin_ssh",
                    "aws_security_group",
                    "id",
                    "sg-0cd8cd8c6eee9044d",
                    "name",
                    "admin-ssh",
                    "vpc_id",
                    "vpc-09c4b38653df63f28",
                    "ingress",
                    List.of(),
                    "egress",
                    List.of()),
                instance(
                    "aws_vpc_security_group_ingress_rule.allow_ssh_in[\"192.168.1.0\"]",
                    "aws_vpc_security_group_ingress_rule",
                    "id",
                    "sgr-0f6c2174ae04445d6",
                    "security_group_id",
                    "sg-0cd8cd8c6eee9044d",
                    "ip_protocol",
                    "tcp",
                    "from_port",
                    22,
                    "to_port",
                    22,
                    "cidr_ipv4",
                    "192.168.1.0/24"),
                instance(
                    "aws_vpc_security_group_egress_rule.allow_all_out",
                    "aws_vpc_security_group_egress_rule",
                    "id",
                    "sgr-055744bc798346c4e",
                    "security_group_id",
                    "sg-0cd8cd8c6eee9044d",
                    "ip_protocol",
                    "-1",
                    "cidr_ipv4",
                    "0.0.0.0/0"),
                instance(
                    "aws_security_group_rule.from_lb",
                    "aws_security_group_rule",
                    "id",
                    "sgrule-1",
                    "type",
                    "ingress",
                    "security_group_id",
                    "sg-0cd8cd8c6eee9044d",
                    "protocol",
                    "tcp",
                    "from_port",
                    8080,
                    "to_port",
                    8080,
                    "source_security_group_id",
                    "123456789012/sg-0aaa",
                    "cidr_blocks",
                    List.of())));

    assertThat(mapped).hasSize(1);
    FirewallRuleSet group = (FirewallRuleSet) mapped.get(0);
    assertThat(group.meta().address()).isEqualTo("aws_security_group.admin_ssh");
    assertThat(group.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "tcp", 22, 22, "192.168.1.0/24"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 8080, 8080, "sg:sg-0aaa"),
            FirewallRule.allow(Direction.EGRESS, "all", null, null, "0.0.0.0/0"));
  }

  @Test
  void map_ruleWhoseGroupIsNotInTheState_becomesAGroupKeyedByTheReferencedId() {
    List<Resource> mapped =
        mapper.map(
            List.of(
                instance(
                    "module.b.aws_security_group_rule.https",
                    "aws_security_group_rule",
                    "id",
                    "sgrule-2",
                    "type",
                    "ingress",
                    "security_group_id",
                    "sg-0f4d72e0081ca0c09",
                    "protocol",
                    "tcp",
                    "from_port",
                    443,
                    "to_port",
                    443,
                    "cidr_blocks",
                    List.of("10.0.0.0/8", "10.1.0.0/16"),
                    "self",
                    true),
                instance(
                    "module.a.aws_security_group_rule.http",
                    "aws_security_group_rule",
                    "id",
                    "sgrule-3",
                    "type",
                    "ingress",
                    "security_group_id",
                    "sg-0f4d72e0081ca0c09",
                    "protocol",
                    "tcp",
                    "from_port",
                    80,
                    "to_port",
                    80,
                    "ipv6_cidr_blocks",
                    List.of("2001:DB8::/32"),
                    "prefix_list_ids",
                    List.of("pl-63a5400a"))));

    FirewallRuleSet group = (FirewallRuleSet) mapped.get(0);
    assertThat(group.meta().id()).isEqualTo("sg-0f4d72e0081ca0c09");
    assertThat(group.meta().address()).isEqualTo("module.a.aws_security_group_rule.http");
    assertThat(group.meta().nativeType()).isEqualTo("aws_security_group_rule");
    assertThat(group.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "tcp", 80, 80, "2001:db8::/32"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 80, 80, "pl:pl-63a5400a"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "10.0.0.0/8"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "10.1.0.0/16"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "sg:sg-0f4d72e0081ca0c09"));
  }

  @Test
  void map_cidrBlockAssociation_mergesIntoItsVpc() {
    List<Resource> mapped =
        mapper.map(
            List.of(
                instance(
                    "aws_vpc.main",
                    "aws_vpc",
                    "id",
                    "vpc-1",
                    "cidr_block",
                    "10.0.0.0/16",
                    "tags",
                    Map.of("Name", "main")),
                instance(
                    "aws_vpc_ipv4_cidr_block_association.extra",
                    "aws_vpc_ipv4_cidr_block_association",
                    "id",
                    "vpc-cidr-assoc-1",
                    "vpc_id",
                    "vpc-1",
                    "cidr_block",
                    "10.1.0.0/16")));

    Network vpc = (Network) mapped.get(0);
    assertThat(vpc.meta().name()).isEqualTo("main");
    assertThat(vpc.cidrs()).containsExactly("10.0.0.0/16", "10.1.0.0/16");
  }

  @Test
  void map_listenerRulesAndWeightedForward_becomeRoutesBackendsAndProbes() {
    String lb = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/abc";
    String listener = "arn:aws:elasticloadbalancing:us-east-1:1:listener/app/web/abc/l1";
    String blue = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/blue/1";
    String green = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/green/2";
    List<Resource> mapped =
        mapper.map(
            List.of(
                instance(
                    "aws_lb_listener.https",
                    "aws_lb_listener",
                    "arn",
                    listener,
                    "id",
                    listener,
                    "load_balancer_arn",
                    lb,
                    "protocol",
                    "HTTPS",
                    "port",
                    443,
                    "ssl_policy",
                    "ELBSecurityPolicy-TLS13-1-2-2021-06",
                    "certificate_arn",
                    "arn:aws:acm:us-east-1:1:certificate/x",
                    "default_action",
                    List.of(Map.of("type", "fixed-response", "order", 1, "target_group_arn", ""))),
                instance(
                    "aws_lb_listener_rule.api",
                    "aws_lb_listener_rule",
                    "arn",
                    listener.replace(":listener/", ":listener-rule/") + "/r1",
                    "listener_arn",
                    listener,
                    "priority",
                    10,
                    "condition",
                    List.of(
                        Map.of(
                            "host_header", List.of(Map.of("values", List.of("API.example.com")))),
                        Map.of("path_pattern", List.of(Map.of("values", List.of("/v1/*"))))),
                    "action",
                    List.of(
                        Map.of("type", "authenticate-oidc", "order", 1),
                        Map.of(
                            "type",
                            "forward",
                            "order",
                            2,
                            "forward",
                            List.of(
                                Map.of(
                                    "target_group",
                                    List.of(
                                        Map.of("arn", green, "weight", 10),
                                        Map.of("arn", blue, "weight", 90))))))),
                instance(
                    "aws_lb_target_group.blue",
                    "aws_lb_target_group",
                    "arn",
                    blue,
                    "name",
                    "blue",
                    "protocol",
                    "HTTP",
                    "port",
                    8080,
                    "health_check",
                    List.of(
                        map(
                            "enabled",
                            true,
                            "protocol",
                            "HTTP",
                            "port",
                            "8081",
                            "path",
                            "/health",
                            "interval",
                            10,
                            "timeout",
                            5,
                            "healthy_threshold",
                            3,
                            "unhealthy_threshold",
                            2,
                            "matcher",
                            "200-299")))));

    LoadBalancer balancer = (LoadBalancer) mapped.get(0);
    assertThat(balancer.meta().id()).isEqualTo(lb);
    assertThat(balancer.meta().name()).isEqualTo("web");
    assertThat(balancer.meta().address()).isEqualTo("aws_lb_listener.https");
    assertThat(balancer.layer()).isEqualTo(7);
    assertThat(balancer.listeners())
        .containsExactly(
            new LoadBalancer.Listener("https", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06", true));
    assertThat(balancer.routes())
        .containsExactly(
            new LoadBalancer.Route(443, null, null, null, "fixed-response", null),
            new LoadBalancer.Route(
                443, 10, List.of("api.example.com"), List.of("/v1/*"), "forward", "blue"),
            new LoadBalancer.Route(
                443, 10, List.of("api.example.com"), List.of("/v1/*"), "forward", "green"));
    assertThat(balancer.backends())
        .containsExactly(
            new LoadBalancer.Backend("blue", "http", 8080, null),
            new LoadBalancer.Backend("green", null, null, null));
    assertThat(balancer.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe("http", 8081, "/health", 10, 5, 3, 2, "200-299", "blue"));
  }

  @Test
  void map_weightedRecords_groupedIntoOneSetWithOneMemberPerSetIdentifier() {
    List<Resource> mapped =
        mapper.map(
            List.of(
                record("blue", 90, "blue.example.com", null, 60),
                record(
                    "green", 10, null, "dualstack.Green-123.us-east-1.elb.amazonaws.com.", null)));

    assertThat(mapped).hasSize(1);
    DnsRecordSet set = (DnsRecordSet) mapped.get(0);
    assertThat(set.meta().id()).isEqualTo("Z1PA6795/www.example.com/CNAME");
    assertThat(set.meta().address()).isEqualTo("aws_route53_record.www[\"blue\"]");
    assertThat(set.routing()).isEqualTo("weighted");
    assertThat(set.ttlSeconds()).isEqualTo(60L);
    assertThat(set.members())
        .containsExactly(
            new DnsRecordSet.Member("blue", 90, null, "blue.example.com", "hc-blue"),
            new DnsRecordSet.Member(
                "green",
                10,
                null,
                "dualstack.green-123.us-east-1.elb.amazonaws.com",
                "evaluate-target-health"));
  }

  @Test
  void map_multiAzDbCluster_isHighlyAvailableWithTheClassCapacity() {
    List<Resource> mapped =
        mapper.map(
            List.of(
                instance(
                    "aws_rds_cluster.db",
                    "aws_rds_cluster",
                    "id",
                    "orders",
                    "arn",
                    "arn:aws:rds:eu-west-1:1:cluster:orders",
                    "cluster_identifier",
                    "orders",
                    "engine",
                    "postgres",
                    "engine_version",
                    "15",
                    "engine_version_actual",
                    "15.4",
                    "db_cluster_instance_class",
                    "db.m6gd.large",
                    "allocated_storage",
                    100,
                    "backup_retention_period",
                    7,
                    "storage_encrypted",
                    true,
                    "master_password",
                    null)));

    Database db = (Database) mapped.get(0);
    assertThat(db.meta().id()).isEqualTo("arn:aws:rds:eu-west-1:1:cluster:orders");
    assertThat(db.engineVersion()).isEqualTo("15.4");
    assertThat(db.vcpus()).isEqualTo(2);
    assertThat(db.memoryGiB()).isEqualTo(8.0);
    assertThat(db.highAvailability()).isTrue();
    assertThat(db.storageGiB()).isEqualTo(100);
  }

  private static StateResource record(
      String setId, int weight, String value, String aliasName, Integer ttl) {
    Map<String, Object> attributes =
        map(
            "id",
            "Z1PA6795_www_CNAME_" + setId,
            "zone_id",
            "Z1PA6795",
            "name",
            "www",
            "fqdn",
            "WWW.example.com",
            "type",
            "CNAME",
            "set_identifier",
            setId,
            "ttl",
            ttl,
            "records",
            value == null ? null : List.of(value),
            "health_check_id",
            aliasName == null ? "hc-" + setId : null,
            "weighted_routing_policy",
            List.of(Map.of("weight", weight)),
            "alias",
            aliasName == null
                ? List.of()
                : List.of(
                    Map.of(
                        "name",
                        aliasName,
                        "zone_id",
                        "Z35SXDOTRQ7X7K",
                        "evaluate_target_health",
                        true)));
    return new StateResource(
        "aws_route53_record.www[\"" + setId + "\"]",
        null,
        "aws_route53_record",
        "www",
        setId,
        null,
        null,
        attributes);
  }

  private static StateResource instance(String address, String type, Object... keyValues) {
    return new StateResource(address, null, type, address, null, null, null, map(keyValues));
  }

  /** A map that allows null values, as state attributes do. */
  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
