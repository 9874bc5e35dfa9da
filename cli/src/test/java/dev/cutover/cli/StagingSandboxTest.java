package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.fluent.models.ApplicationGatewayInner;
import com.azure.resourcemanager.network.fluent.models.NetworkSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.postgresqlflexibleserver.PostgreSqlManager;
import com.azure.resourcemanager.postgresqlflexibleserver.models.Server;
import com.azure.resourcemanager.trafficmanager.TrafficManager;
import com.azure.resourcemanager.trafficmanager.fluent.models.ProfileInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.aws.AwsClients;
import dev.cutover.azure.AzureClients;
import dev.cutover.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The staging sandbox answers the real SDK clients (the ones the providers use) consistently with
 * the staging Terraform states: same ids, ranges and settings, except for the deliberate
 * differences listed in {@code environments/staging/README.md}. Independent of the providers'
 * mapping code: it reads the states' attributes directly.
 */
class StagingSandboxTest {

  private static final Path STAGING = TestFiles.environment("staging");
  private static final String SUBSCRIPTION = "6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f";
  private static final String GROUP = "rg-staging";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Sandbox sandbox;
  private static AwsClients aws;
  private static AzureClients azure;
  private static JsonNode awsState;
  private static JsonNode azureState;

  @BeforeAll
  static void start() throws IOException {
    sandbox = Sandbox.start(STAGING.resolve("sandbox"), 0);
    aws = new AwsClients("us-east-1", sandbox.endpoint());
    azure = new AzureClients(SUBSCRIPTION, sandbox.endpoint());
    awsState = JSON.readTree(STAGING.resolve("aws/terraform.tfstate").toFile());
    azureState = JSON.readTree(STAGING.resolve("azure/terraform.tfstate").toFile());
  }

  @AfterAll
  static void stop() {
    aws.close();
    sandbox.close();
  }

  /** The attributes of every instance of a type in a state, in file order. */
  private static List<JsonNode> instances(JsonNode state, String type) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode resource : state.get("resources")) {
      if (resource.get("mode").asText().equals("managed")
          && resource.get("type").asText().equals(type)) {
        resource.get("instances").forEach(i -> found.add(i.get("attributes")));
      }
    }
    return found;
  }

  private static JsonNode only(JsonNode state, String type) {
    List<JsonNode> all = instances(state, type);
    assertThat(all).as(type).hasSize(1);
    return all.get(0);
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new HashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  @Test
  void ec2_vpcAndSubnets_matchTheState() {
    JsonNode vpcState = only(awsState, "aws_vpc");
    List<Vpc> vpcs = aws.ec2().describeVpcsPaginator(b -> {}).vpcs().stream().toList();

    assertThat(vpcs).extracting(Vpc::vpcId).containsExactly(vpcState.get("id").asText());
    assertThat(vpcs.get(0).cidrBlock()).isEqualTo(vpcState.get("cidr_block").asText());
    assertThat(vpcs.get(0).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value())))
        .isEqualTo(stringMap(vpcState.get("tags_all")));

    Map<String, String> stateSubnets = new HashMap<>();
    instances(awsState, "aws_subnet")
        .forEach(s -> stateSubnets.put(s.get("id").asText(), s.get("cidr_block").asText()));
    Map<String, String> liveSubnets =
        aws.ec2().describeSubnetsPaginator(b -> {}).subnets().stream()
            .collect(Collectors.toMap(Subnet::subnetId, Subnet::cidrBlock));
    assertThat(liveSubnets).isEqualTo(stateSubnets).hasSize(4);
  }

  @Test
  void ec2_securityGroup_isTheStatePlusTheSshRuleOpenedByHand() {
    JsonNode groupState = only(awsState, "aws_security_group");
    List<SecurityGroup> groups =
        aws.ec2().describeSecurityGroupsPaginator(b -> {}).securityGroups().stream().toList();

    assertThat(groups)
        .extracting(SecurityGroup::groupId)
        .containsExactly(groupState.get("id").asText());
    Set<String> live = permissions(groups.get(0).ipPermissions());
    Set<String> state = new TreeSet<>();
    groupState
        .get("ingress")
        .forEach(
            r ->
                state.add(
                    r.get("protocol").asText()
                        + "/"
                        + r.get("from_port").asInt()
                        + "-"
                        + r.get("to_port").asInt()
                        + " "
                        + r.get("cidr_blocks").get(0).asText()));
    Set<String> extra = new TreeSet<>(live);
    extra.removeAll(state);
    assertThat(live).containsAll(state);
    assertThat(extra).containsExactly("tcp/22-22 0.0.0.0/0");
    assertThat(permissions(groups.get(0).ipPermissionsEgress()))
        .containsExactly("-1/null-null 0.0.0.0/0");
  }

  private static Set<String> permissions(List<IpPermission> permissions) {
    Set<String> out = new TreeSet<>();
    for (IpPermission p : permissions) {
      p.ipRanges()
          .forEach(
              r ->
                  out.add(
                      p.ipProtocol() + "/" + p.fromPort() + "-" + p.toPort() + " " + r.cidrIp()));
    }
    return out;
  }

  @Test
  void elbv2_loadBalancerListenersAndTargetGroup_matchTheState() {
    JsonNode lbState = only(awsState, "aws_lb");
    List<LoadBalancer> lbs =
        aws.elbv2().describeLoadBalancersPaginator(b -> {}).loadBalancers().stream().toList();
    assertThat(lbs)
        .extracting(LoadBalancer::loadBalancerArn)
        .containsExactly(lbState.get("arn").asText());
    assertThat(lbs.get(0).schemeAsString()).isEqualTo("internet-facing");

    List<Listener> listeners =
        aws.elbv2()
            .describeListeners(b -> b.loadBalancerArn(lbState.get("arn").asText()))
            .listeners();
    Map<String, Integer> stateListeners = new HashMap<>();
    instances(awsState, "aws_lb_listener")
        .forEach(l -> stateListeners.put(l.get("arn").asText(), l.get("port").asInt()));
    assertThat(listeners.stream().collect(Collectors.toMap(Listener::listenerArn, Listener::port)))
        .isEqualTo(stateListeners);
    for (Listener listener : listeners) {
      assertThat(aws.elbv2().describeRules(b -> b.listenerArn(listener.listenerArn())).rules())
          .singleElement()
          .satisfies(rule -> assertThat(rule.isDefault()).isTrue());
    }

    JsonNode tgState = only(awsState, "aws_lb_target_group");
    List<TargetGroup> groups =
        aws.elbv2().describeTargetGroupsPaginator(b -> {}).targetGroups().stream().toList();
    assertThat(groups)
        .singleElement()
        .satisfies(
            tg -> {
              assertThat(tg.targetGroupArn()).isEqualTo(tgState.get("arn").asText());
              assertThat(tg.healthCheckPath())
                  .isEqualTo(tgState.get("health_check").get(0).get("path").asText())
                  .isEqualTo("/health");
              assertThat(tg.port()).isEqualTo(tgState.get("port").asInt());
            });
    assertThat(
            aws.elbv2()
                .describeLoadBalancerAttributes(b -> b.loadBalancerArn(lbState.get("arn").asText()))
                .attributes())
        .anySatisfy(
            a -> {
              assertThat(a.key()).isEqualTo("idle_timeout.timeout_seconds");
              assertThat(a.value()).isEqualTo(lbState.get("idle_timeout").asText());
            });
  }

  @Test
  void rds_instance_matchesTheStateWithFourteenDaysOfBackups() {
    JsonNode dbState = only(awsState, "aws_db_instance");
    List<DBInstance> dbs =
        aws.rds().describeDBInstancesPaginator(b -> {}).dbInstances().stream().toList();

    assertThat(dbs)
        .singleElement()
        .satisfies(
            db -> {
              assertThat(db.dbInstanceArn()).isEqualTo(dbState.get("arn").asText());
              assertThat(db.dbInstanceClass()).isEqualTo(dbState.get("instance_class").asText());
              assertThat(db.engineVersion()).isEqualTo(dbState.get("engine_version").asText());
              assertThat(db.allocatedStorage()).isEqualTo(dbState.get("allocated_storage").asInt());
              assertThat(db.multiAZ()).isEqualTo(dbState.get("multi_az").asBoolean()).isTrue();
              assertThat(db.backupRetentionPeriod())
                  .isEqualTo(dbState.get("backup_retention_period").asInt())
                  .isEqualTo(14);
              assertThat(db.storageEncrypted()).isTrue();
              assertThat(db.publiclyAccessible()).isFalse();
            });
    assertThat(aws.rds().describeDBClustersPaginator(b -> {}).dbClusters()).isEmpty();
  }

  @Test
  void route53_weightedRecords_matchTheStateWithTtl60() {
    List<JsonNode> records = instances(awsState, "aws_route53_record");
    String zoneId = records.get(0).get("zone_id").asText();
    List<HostedZone> zones =
        aws.route53().listHostedZonesPaginator(b -> {}).hostedZones().stream().toList();
    assertThat(zones).extracting(HostedZone::id).containsExactly(zoneId);

    List<ResourceRecordSet> live =
        aws
            .route53()
            .listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId))
            .resourceRecordSets()
            .stream()
            .toList();
    Map<String, Long> stateWeights = new HashMap<>();
    records.forEach(
        r ->
            stateWeights.put(
                r.get("set_identifier").asText(),
                r.get("weighted_routing_policy").get(0).get("weight").asLong()));
    assertThat(
            live.stream()
                .collect(
                    Collectors.toMap(ResourceRecordSet::setIdentifier, ResourceRecordSet::weight)))
        .isEqualTo(stateWeights);
    assertThat(live)
        .allSatisfy(
            r -> {
              assertThat(r.ttl()).isEqualTo(60L);
              assertThat(r.healthCheckId()).isNotBlank();
            });
  }

  @Test
  void arm_networkAndNsg_matchTheStatePlusTheSixDefaultRules() {
    NetworkManager network = NetworkManager.authenticate(azure.pipeline(), azure.profile());
    JsonNode vnetState = only(azureState, "azurerm_virtual_network");
    List<VirtualNetworkInner> vnets =
        network.serviceClient().getVirtualNetworks().listByResourceGroup(GROUP).stream().toList();
    assertThat(vnets)
        .extracting(VirtualNetworkInner::id)
        .containsExactly(vnetState.get("id").asText());
    Map<String, String> stateSubnets = new HashMap<>();
    instances(azureState, "azurerm_subnet")
        .forEach(
            s -> stateSubnets.put(s.get("id").asText(), s.get("address_prefixes").get(0).asText()));
    assertThat(
            vnets.get(0).subnets().stream()
                .collect(Collectors.toMap(SubnetInner::id, SubnetInner::addressPrefix)))
        .isEqualTo(stateSubnets);

    JsonNode nsgState = only(azureState, "azurerm_network_security_group");
    List<NetworkSecurityGroupInner> nsgs =
        network.serviceClient().getNetworkSecurityGroups().list().stream().toList();
    assertThat(nsgs)
        .singleElement()
        .satisfies(
            nsg -> {
              assertThat(nsg.id()).isEqualTo(nsgState.get("id").asText());
              Map<String, String> state = new HashMap<>();
              nsgState
                  .get("security_rule")
                  .forEach(
                      r ->
                          state.put(
                              r.get("name").asText(),
                              r.get("priority").asInt()
                                  + " "
                                  + r.get("destination_port_range").asText()
                                  + " "
                                  + r.get("source_address_prefix").asText()));
              assertThat(
                      nsg.securityRules().stream()
                          .collect(
                              Collectors.toMap(
                                  SecurityRuleInner::name,
                                  r ->
                                      r.priority()
                                          + " "
                                          + r.destinationPortRange()
                                          + " "
                                          + r.sourceAddressPrefix())))
                  .isEqualTo(state)
                  .containsEntry("AllowAppFromInternet", "140 8080 Internet");
              assertThat(nsg.defaultSecurityRules())
                  .extracting(SecurityRuleInner::priority)
                  .containsExactly(65000, 65001, 65500, 65000, 65001, 65500);
            });
  }

  @Test
  void arm_applicationGateway_matchesTheStateWithItsOwnProbePath() {
    NetworkManager network = NetworkManager.authenticate(azure.pipeline(), azure.profile());
    JsonNode agwState = only(azureState, "azurerm_application_gateway");
    List<ApplicationGatewayInner> gateways =
        network.serviceClient().getApplicationGateways().listByResourceGroup(GROUP).stream()
            .toList();
    assertThat(gateways)
        .singleElement()
        .satisfies(
            agw -> {
              assertThat(agw.id()).isEqualTo(agwState.get("id").asText());
              assertThat(agw.probes())
                  .singleElement()
                  .satisfies(
                      p ->
                          assertThat(p.path())
                              .isEqualTo(agwState.get("probe").get(0).get("path").asText())
                              .isEqualTo("/healthz"));
              assertThat(agw.backendHttpSettingsCollection())
                  .singleElement()
                  .satisfies(
                      s -> {
                        assertThat(s.port()).isEqualTo(8080);
                        assertThat(s.requestTimeout()).isEqualTo(60);
                      });
              assertThat(agw.httpListeners()).hasSize(2);
              assertThat(agw.sku().capacity())
                  .isEqualTo(agwState.get("sku").get(0).get("capacity").asInt());
            });
  }

  @Test
  void arm_postgresFlexibleServer_matchesTheStateWithSevenDaysOfBackups() {
    PostgreSqlManager postgres = PostgreSqlManager.authenticate(azure.pipeline(), azure.profile());
    JsonNode pgState = only(azureState, "azurerm_postgresql_flexible_server");
    List<Server> servers = postgres.servers().listByResourceGroup(GROUP).stream().toList();
    assertThat(servers)
        .singleElement()
        .satisfies(
            server -> {
              assertThat(server.id()).isEqualTo(pgState.get("id").asText());
              assertThat(server.version().toString()).isEqualTo(pgState.get("version").asText());
              assertThat(server.storage().storageSizeGB())
                  .isEqualTo(pgState.get("storage_mb").asInt() / 1024);
              assertThat(server.backup().backupRetentionDays())
                  .isEqualTo(pgState.get("backup_retention_days").asInt())
                  .isEqualTo(7);
              assertThat(server.highAvailability().mode().toString()).isEqualTo("ZoneRedundant");
            });
  }

  @Test
  void arm_trafficManagerProfile_matchesTheStateWithTtl300() {
    TrafficManager trafficManager = TrafficManager.authenticate(azure.pipeline(), azure.profile());
    JsonNode tmState = only(azureState, "azurerm_traffic_manager_profile");
    List<ProfileInner> profiles =
        trafficManager.serviceClient().getProfiles().listByResourceGroup(GROUP).stream().toList();
    assertThat(profiles)
        .singleElement()
        .satisfies(
            profile -> {
              assertThat(profile.id()).isEqualTo(tmState.get("id").asText());
              assertThat(profile.dnsConfig().ttl())
                  .isEqualTo(tmState.get("dns_config").get(0).get("ttl").asLong())
                  .isEqualTo(300L);
              Map<String, String> state = new HashMap<>();
              instances(azureState, "azurerm_traffic_manager_external_endpoint")
                  .forEach(
                      e ->
                          state.put(
                              e.get("name").asText(),
                              e.get("target").asText()
                                  + " "
                                  + e.get("weight").asLong()
                                  + " "
                                  + (e.get("enabled").asBoolean() ? "Enabled" : "Disabled")));
              assertThat(
                      profile.endpoints().stream()
                          .collect(
                              Collectors.toMap(
                                  e -> e.name(),
                                  e -> e.target() + " " + e.weight() + " " + e.endpointStatus())))
                  .isEqualTo(state);
            });
  }

  @Test
  void sandboxFiles_neverHoldTheStatesPasswords() throws IOException {
    List<String> passwords =
        List.of(
            only(awsState, "aws_db_instance").get("password").asText(),
            only(azureState, "azurerm_postgresql_flexible_server")
                .get("administrator_password")
                .asText());
    assertThat(passwords).allSatisfy(p -> assertThat(p).hasSizeGreaterThan(12));
    try (var files = Files.walk(STAGING.resolve("sandbox"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        assertThat(passwords).as(file.toString()).noneMatch(text::contains);
      }
    }
  }
}
