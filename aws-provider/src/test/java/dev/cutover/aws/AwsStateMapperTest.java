package dev.cutover.aws;

import static dev.cutover.aws.Fixtures.byId;
import static dev.cutover.aws.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Subnet;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** State mapping of the real states in {@code src/test/resources/tfstate}. */
class AwsStateMapperTest {

  /** Types that map one resource per instance (rule, listener, ... types merge into these). */
  private static final Set<String> ONE_PER_INSTANCE =
      Set.of(
          "aws_vpc",
          "aws_default_vpc",
          "aws_subnet",
          "aws_default_subnet",
          "aws_security_group",
          "aws_default_security_group",
          "aws_lb",
          "aws_alb",
          "aws_db_instance",
          "aws_rds_cluster");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tfstate/snyk-driftctl/aws_vpc/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_subnet/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_vpc_security_group/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_lb/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_lb_listener/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_db_instance/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_route53_record/terraform.tfstate",
        "tfstate/cycloidio-inframap/aws_state_sg.json"
      })
  void map_realState_oneResourcePerInstanceAndOneRecordSetPerNameAndType(String file)
      throws IOException {
    Inventory inventory = state(file);

    Map<String, Long> mapped =
        inventory.resources().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.meta().nativeType(), TreeMap::new, Collectors.counting()));
    assertThat(mapped).isEqualTo(countInFile(file));
  }

  /**
   * An independent count from the file: instances with an id of the one-per-instance types, and
   * distinct zone/name/type triples of {@code aws_route53_record}.
   */
  private static Map<String, Long> countInFile(String file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Fixtures.path(file).toFile());
    Map<String, Long> counts = new TreeMap<>();
    Set<String> recordSets = new HashSet<>();
    for (JsonNode resource : root.get("resources")) {
      String type = resource.get("type").asText();
      if (!resource.get("mode").asText().equals("managed")) {
        continue;
      }
      for (JsonNode instance : resource.get("instances")) {
        JsonNode attributes = instance.get("attributes");
        if (ONE_PER_INSTANCE.contains(type) && !attributes.path("id").asText().isEmpty()) {
          counts.merge(type, 1L, Long::sum);
        }
        if (type.equals("aws_route53_record")) {
          recordSets.add(
              (attributes.get("zone_id").asText()
                      + "/"
                      + attributes.get("fqdn").asText()
                      + "/"
                      + attributes.get("type").asText())
                  .toLowerCase(Locale.ROOT));
        }
      }
    }
    if (!recordSets.isEmpty()) {
      counts.put("aws_route53_record", (long) recordSets.size());
    }
    return counts;
  }

  @Test
  void map_vpcState_readsCidrsNameTagAndRegionFromArn() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_vpc/terraform.tfstate");

    Network vpc = byId(inventory, Network.class, "vpc-0a5666c0cfc366714");
    assertThat(vpc.cidrs()).containsExactly("10.0.0.0/16");
    assertThat(vpc.meta().address()).isEqualTo("aws_vpc.vpc");
    assertThat(vpc.meta().region()).isEqualTo("us-east-1");
    assertThat(vpc.meta().name()).isNull();
    Network defaultVpc = byId(inventory, Network.class, "vpc-41d1d13b");
    assertThat(defaultVpc.cidrs()).containsExactly("172.31.0.0/16");
    assertThat(defaultVpc.meta().nativeType()).isEqualTo("aws_default_vpc");
  }

  @Test
  void map_subnetState_readsNetworkCidrAndZone() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_subnet/terraform.tfstate");

    Subnet subnet = byId(inventory, Subnet.class, "subnet-03c1a726f076cec6b");
    assertThat(subnet.network()).isEqualTo("vpc-0ad2f4ae7212c2bff");
    assertThat(subnet.cidr()).isEqualTo("10.0.0.0/24");
    assertThat(subnet.zone()).isEqualTo("us-east-1c");
    assertThat(subnet.additionalCidrs()).isEmpty();
    assertThat(byId(inventory, Subnet.class, "subnet-03a8928df96cbc112").meta().address())
        .isEqualTo("aws_default_subnet.default-b");
  }

  @Test
  void map_securityGroupState_inlineRulesBecomeOneRulePerPeer() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_vpc_security_group/terraform.tfstate");

    FirewallRuleSet group = byId(inventory, FirewallRuleSet.class, "sg-0254c038e32f25530");
    assertThat(group.meta().name()).isEqualTo("foo");
    assertThat(group.meta().tags()).containsEntry("Name", "Foo SG");
    assertThat(group.network()).isEqualTo("vpc-618f6e09");
    assertThat(group.rules())
        .extracting(FirewallRule::withoutLabels)
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "all", 0, 65535, "0.0.0.0/0"),
            FirewallRule.allow(Direction.EGRESS, "all", 0, 65535, "0.0.0.0/0"));
    assertThat(group.rules()).extracting(FirewallRule::description).containsExactly("Foo", "Bar");

    FirewallRuleSet defaultGroup = byId(inventory, FirewallRuleSet.class, "sg-9e0204ff");
    assertThat(defaultGroup.meta().nativeType()).isEqualTo("aws_default_security_group");
    assertThat(defaultGroup.meta().name()).isEqualTo("default");
    assertThat(defaultGroup.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "all", null, null, "sg:sg-9e0204ff"),
            FirewallRule.allow(Direction.EGRESS, "all", null, null, "0.0.0.0/0"));
  }

  @Test
  void map_listenerState_mergesListenerTargetGroupAndHealthCheckIntoItsLoadBalancer() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_lb_listener/terraform.tfstate");

    assertThat(inventory.ofType(LoadBalancer.class)).hasSize(1);
    LoadBalancer lb =
        byId(
            inventory,
            LoadBalancer.class,
            "arn:aws:elasticloadbalancing:us-east-1:533948124879:loadbalancer/app/test-lb-tf/168f3e312968e275");
    assertThat(lb.meta().address()).isEqualTo("aws_lb.test");
    assertThat(lb.listeners()).containsExactly(new LoadBalancer.Listener("http", 80, null, null));
    assertThat(lb.routes())
        .containsExactly(
            new LoadBalancer.Route(80, null, null, null, "forward", "tf-example-lb-tg"));
    assertThat(lb.backends())
        .containsExactly(new LoadBalancer.Backend("tf-example-lb-tg", "http", 80, null));
    assertThat(lb.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe(
                "http", null, "/", 30, 5, 5, 2, "200", "tf-example-lb-tg"));

    FirewallRuleSet lbGroup = byId(inventory, FirewallRuleSet.class, "sg-0d8b60865ca657bb3");
    assertThat(lbGroup.rules())
        .extracting(FirewallRule::withoutLabels)
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "10.100.0.0/16"),
            FirewallRule.allow(Direction.EGRESS, "all", null, null, "0.0.0.0/0"),
            FirewallRule.allow(Direction.EGRESS, "all", null, null, "::/0"));
  }

  @Test
  void map_albState_readsSchemeLayerIdleTimeoutDeletionProtectionAndTags() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_lb/terraform.tfstate");

    LoadBalancer lb = inventory.ofType(LoadBalancer.class).findFirst().orElseThrow();
    assertThat(lb.meta().id())
        .isEqualTo(
            "arn:aws:elasticloadbalancing:us-east-1:533948124879:loadbalancer/app/test-lb-tf/35be57d467ff22b9");
    assertThat(lb.meta().name()).isEqualTo("test-lb-tf");
    assertThat(lb.meta().nativeType()).isEqualTo("aws_alb");
    assertThat(lb.meta().tags()).isEqualTo(Map.of("Environment", "dev"));
    assertThat(lb.scheme()).isEqualTo("internet");
    assertThat(lb.layer()).isEqualTo(7);
    assertThat(lb.sku()).isEqualTo("application");
    assertThat(lb.idleTimeoutSeconds()).isEqualTo(60);
    assertThat(lb.deletionProtection()).isFalse();
    assertThat(lb.listeners()).isEmpty();
  }

  @Test
  void map_dbInstanceState_fillsClassCapacityAndNeverCarriesThePassword() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_db_instance/terraform.tfstate");

    Database db =
        byId(
            inventory,
            Database.class,
            "arn:aws:rds:eu-west-3:929327065333:db:terraform-20201015115018309600000001");
    assertThat(db.meta().name()).isEqualTo("terraform-20201015115018309600000001");
    assertThat(db.meta().region()).isEqualTo("eu-west-3");
    assertThat(db.engine()).isEqualTo("mysql");
    assertThat(db.engineVersion()).isEqualTo("5.7.26");
    assertThat(db.instanceClass()).isEqualTo("db.t2.micro");
    assertThat(db.vcpus()).isEqualTo(1);
    assertThat(db.memoryGiB()).isEqualTo(1.0);
    assertThat(db.storageGiB()).isEqualTo(20);
    assertThat(db.highAvailability()).isFalse();
    assertThat(db.backupRetentionDays()).isZero();
    assertThat(db.storageEncrypted()).isFalse();
    assertThat(db.publicAccess()).isFalse();
    assertThat(db.tlsEnforced()).isNull();
    assertThat(Json.writeInventory(inventory)).doesNotContain("foobarbaz");
  }

  @Test
  void map_route53State_oneSetPerNameAndTypeWithItsValues() {
    Inventory inventory = state("tfstate/snyk-driftctl/aws_route53_record/terraform.tfstate");

    DnsRecordSet www = byId(inventory, DnsRecordSet.class, "Z09368953G729AFEX5048/test.elie.ski/A");
    assertThat(www.fqdn()).isEqualTo("test.elie.ski");
    assertThat(www.ttlSeconds()).isEqualTo(300L);
    assertThat(www.routing()).isEqualTo("simple");
    assertThat(www.zone()).isEqualTo("Z09368953G729AFEX5048");
    assertThat(www.members())
        .containsExactly(new DnsRecordSet.Member(null, null, null, "1.2.3.4", null));
    DnsRecordSet ns = byId(inventory, DnsRecordSet.class, "Z09368953G729AFEX5048/elie.ski/NS");
    assertThat(ns.meta().address()).isEqualTo("aws_route53_record.ns");
    assertThat(ns.members().get(0).target())
        .isEqualTo(
            "ns-1295.awsdns-33.org,ns-1843.awsdns-38.co.uk,ns-228.awsdns-28.demo,ns-873.awsdns-45.net");
  }

  @Test
  void map_partialState_skipsRuleWithoutTypeAndKeepsInstancesWithOnlyAnId() {
    Inventory inventory = state("tfstate/cycloidio-inframap/aws_state_sg.json");

    Database db = byId(inventory, Database.class, "sample-lemp-rds-prod");
    assertThat(db.meta().address()).isEqualTo("module.lemp.aws_db_instance.Cpbzf[0]");
    assertThat(db.engine()).isNull();
    assertThat(db.vcpus()).isNull();
    LoadBalancer lb = byId(inventory, LoadBalancer.class, "5d7daaa0-68a7-4ca5-a491-3f78c102d562");
    assertThat(lb.listeners()).isEmpty();
    assertThat(lb.scheme()).isNull();
    FirewallRuleSet db3306 = byId(inventory, FirewallRuleSet.class, "sg-011db815ad698b58a");
    assertThat(db3306.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "tcp", 3306, 3306, "sg:sg-0e74bbe876eba7e6f"));
    assertThat(inventory.resources())
        .extracting(r -> r.meta().id())
        .doesNotContain("sg-0f4d72e0081ca0c09");
  }

  @Test
  void handles_everyTypeOfTheBrief() {
    assertThat(new AwsProvider().stateMapper())
        .satisfies(
            mapper ->
                assertThat(
                        Set.of(
                            "aws_vpc",
                            "aws_vpc_ipv4_cidr_block_association",
                            "aws_subnet",
                            "aws_security_group",
                            "aws_default_security_group",
                            "aws_security_group_rule",
                            "aws_vpc_security_group_ingress_rule",
                            "aws_vpc_security_group_egress_rule",
                            "aws_lb",
                            "aws_alb",
                            "aws_lb_listener",
                            "aws_alb_listener",
                            "aws_lb_listener_rule",
                            "aws_lb_target_group",
                            "aws_db_instance",
                            "aws_rds_cluster",
                            "aws_route53_record"))
                    .allMatch(mapper::handles));
    assertThat(new AwsProvider().stateMapper().handles("aws_instance")).isFalse();
    assertThat(new AwsProvider().stateMapper().handles("azurerm_subnet")).isFalse();
  }
}
