package dev.cutover.azure;

import static dev.cutover.azure.TestFiles.byId;
import static dev.cutover.azure.TestFiles.figures;
import static dev.cutover.azure.TestFiles.loadState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cutover.azure.canonical.NsgRules;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.terraform.StateLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureStateMapperTest {

  private static final String SUB =
      "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network";

  @Test
  void state_driftctlNsgFixture_oneFirewallPerNsgWithRulesAndBuiltinDefaults() {
    StateLoader.Loaded loaded =
        loadState("tfstate/snyk-driftctl/azurerm_network_security_group/terraform.tfstate");

    List<FirewallRuleSet> nsgs = loaded.inventory().ofType(FirewallRuleSet.class).toList();
    assertThat(nsgs)
        .hasSize(loaded.summary().managedCounts().get("azurerm_network_security_group"));
    assertThat(loaded.inventory().resources()).hasSize(2);

    FirewallRuleSet first =
        byId(
            loaded.inventory(),
            FirewallRuleSet.class,
            "/subscriptions/7bfb2c5c-7308-46ed-8ae4-fffa356eb406/resourceGroups/example-resources/providers/Microsoft.Network/networkSecurityGroups/acceptanceTestSecurityGroup1");
    assertThat(first.meta().name()).isEqualTo("acceptanceTestSecurityGroup1");
    assertThat(first.meta().address()).isEqualTo("azurerm_network_security_group.example");
    assertThat(first.meta().nativeType()).isEqualTo("azurerm_network_security_group");
    assertThat(first.meta().region()).isEqualTo("westeurope");
    assertThat(first.meta().tags()).isEqualTo(Map.of("environment", "Production"));
    assertThat(first.rules())
        .filteredOn(r -> !r.builtin())
        .containsExactly(
            new FirewallRule(
                Direction.INGRESS,
                Action.ALLOW,
                "tcp",
                0,
                65535,
                "0.0.0.0/0",
                100,
                "test123",
                null,
                null,
                false));
    assertThat(first.rules()).filteredOn(FirewallRule::builtin).hasSize(6);

    FirewallRuleSet empty =
        loaded.inventory().ofType(FirewallRuleSet.class).filter(n -> n != first).findFirst().get();
    assertThat(empty.rules()).hasSize(6).allMatch(FirewallRule::builtin);
    assertThat(empty.rules())
        .extracting(FirewallRule::name, FirewallRule::priority)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("AllowVnetInBound", 65000),
            org.assertj.core.groups.Tuple.tuple("AllowAzureLoadBalancerInBound", 65001),
            org.assertj.core.groups.Tuple.tuple("DenyAllInBound", 65500),
            org.assertj.core.groups.Tuple.tuple("AllowVnetOutBound", 65000),
            org.assertj.core.groups.Tuple.tuple("AllowInternetOutBound", 65001),
            org.assertj.core.groups.Tuple.tuple("DenyAllOutBound", 65500));
  }

  @Test
  void state_driftctlPrivateDnsFixture_holdsNoSupportedTypeAndMapsNothing() {
    StateLoader.Loaded loaded =
        loadState("tfstate/snyk-driftctl/azurerm_private_dns_a_record/terraform.tfstate");

    assertThat(loaded.summary().managedCounts()).containsOnlyKeys("azurerm_private_dns_a_record");
    assertThat(new AzureProvider().stateMapper().handles("azurerm_private_dns_a_record")).isFalse();
    assertThat(loaded.inventory().resources()).isEmpty();
  }

  @Test
  void state_driftctlLb_publicFrontendMakesItInternetFacingBasicSku() {
    Inventory inventory =
        loadState("tfstate/snyk-driftctl/azurerm_lb/terraform.tfstate").inventory();

    assertThat(inventory.resources()).hasSize(1);
    LoadBalancer lb = inventory.ofType(LoadBalancer.class).findFirst().get();
    assertThat(lb.meta().name()).isEqualTo("TestLoadBalancer");
    assertThat(lb.scheme()).isEqualTo("internet");
    assertThat(lb.layer()).isEqualTo(4);
    assertThat(lb.sku()).isEqualTo("Basic");
    assertThat(lb.listeners()).isEmpty();
  }

  @Test
  void state_driftctlLbRuleWithoutItsLb_formsLoadBalancerKeyedByLoadbalancerId() {
    Inventory inventory =
        loadState("tfstate/snyk-driftctl/azurerm_lb_rule/terraform.tfstate").inventory();

    LoadBalancer lb = inventory.ofType(LoadBalancer.class).findFirst().get();
    assertThat(lb.meta().id())
        .isEqualTo(
            "/subscriptions/8cb43347-a79f-4bb2-a8b4-c838b41fa5a5/resourceGroups/raphael-dev/providers/Microsoft.Network/loadBalancers/TestLoadBalancer");
    assertThat(lb.meta().name()).isEqualTo("TestLoadBalancer");
    assertThat(lb.meta().address()).isNull();
    assertThat(lb.scheme()).isNull();
    assertThat(lb.listeners()).containsExactly(new LoadBalancer.Listener("tcp", 80, null, null));
    assertThat(lb.routes())
        .containsExactly(new LoadBalancer.Route(80, null, List.of(), List.of(), "forward", null));
    assertThat(lb.idleTimeoutSeconds()).isEqualTo(240);
  }

  @Test
  void state_inframapVnetsWithoutAddressSpace_mapWithEmptyCidrs() {
    Inventory inventory = loadState("tfstate/cycloidio-inframap/azure.tfstate").inventory();

    assertThat(inventory.ofType(Network.class))
        .extracting(n -> n.meta().name(), Network::cidrs)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("myVnet", List.of()),
            org.assertj.core.groups.Tuple.tuple("myVnet2", List.of()));
    assertThat(inventory.resources()).hasSize(2);
  }

  @Test
  void state_networks_inlineAndSeparateSubnetsWithDerivedIdsAndSkippedPartialObject() {
    Inventory inventory = loadState("tfstate/hand-written/networks.tfstate").inventory();

    assertThat(inventory.ofType(Network.class))
        .extracting(n -> n.meta().name(), Network::cidrs)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("vnet1", List.of("10.0.0.0/8")),
            org.assertj.core.groups.Tuple.tuple("vnet2", List.of("10.0.0.0/16")),
            org.assertj.core.groups.Tuple.tuple("legacy", List.of("192.168.0.0/16")));
    Network legacy =
        inventory
            .ofType(Network.class)
            .filter(n -> n.meta().name().equals("legacy"))
            .findFirst()
            .get();
    assertThat(legacy.meta().address()).isEqualTo("module.net.azurerm_virtual_network.legacy[0]");

    assertThat(inventory.ofType(Subnet.class)).hasSize(3);
    Subnet inline = byId(inventory, Subnet.class, SUB + "/virtualNetworks/vnet1/subnets/test-1");
    assertThat(inline.network()).isEqualTo(SUB + "/virtualNetworks/vnet1");
    assertThat(inline.cidr()).isEqualTo("10.0.0.0/24");
    assertThat(inline.meta().address()).isEqualTo("azurerm_virtual_network.vnet1");
    Subnet derived =
        byId(
            inventory,
            Subnet.class,
            "/subscriptions/subid/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/legacy/subnets/default");
    assertThat(derived.cidr()).isEqualTo("192.168.1.0/24");
    Subnet separate = byId(inventory, Subnet.class, SUB + "/virtualNetworks/vnet2/subnets/app");
    assertThat(separate.network()).isEqualTo(SUB + "/virtualNetworks/vnet2");
    assertThat(separate.meta().region()).isEqualTo("westus");
    assertThat(separate.meta().nativeType()).isEqualTo("azurerm_subnet");
    assertThat(inventory.resources()).noneMatch(r -> "pending".equals(r.meta().name()));
  }

  @Test
  void state_separateRules_mergeIntoTheirNsgOrFormAGroupKeyedByTheDerivedNsgId() {
    Inventory inventory = loadState("tfstate/hand-written/networks.tfstate").inventory();

    FirewallRuleSet testnsg =
        byId(inventory, FirewallRuleSet.class, SUB + "/networkSecurityGroups/testnsg");
    assertThat(testnsg.meta().address()).isEqualTo("azurerm_network_security_group.testnsg");
    assertThat(testnsg.rules())
        .filteredOn(r -> !r.builtin())
        .extracting(FirewallRule::name, FirewallRule::protocol, FirewallRule::fromPort)
        .containsExactly(tuple("rule1", "tcp", 80), tuple("rule1", "udp", 80));
    assertThat(testnsg.rules()).containsAll(NsgRules.defaults());

    FirewallRuleSet other =
        byId(inventory, FirewallRuleSet.class, SUB + "/networkSecurityGroups/othernsg");
    assertThat(other.meta().name()).isEqualTo("othernsg");
    assertThat(other.meta().address()).isNull();
    assertThat(other.meta().nativeType()).isEqualTo("azurerm_network_security_group");
    String asg = "sg:" + SUB + "/applicationSecurityGroups/asg-web";
    List<FirewallRule> expected = new ArrayList<>();
    for (String peer : List.of("10.1.0.0/16", "192.168.0.1/32")) {
      for (int[] ports : new int[][] {{22, 22}, {2222, 2223}}) {
        expected.add(
            new FirewallRule(
                Direction.INGRESS,
                Action.ALLOW,
                "tcp",
                ports[0],
                ports[1],
                peer,
                200,
                "ssh",
                "srcports=1024-65535 admin access",
                asg,
                false));
      }
    }
    assertThat(other.rules())
        .filteredOn(r -> !r.builtin())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(other.rules()).filteredOn(FirewallRule::builtin).hasSize(6);
  }

  @Test
  void state_appGateway_listenersRoutesBackendsProbesSkuAndWafWithoutSecrets() {
    StateLoader.Loaded loaded = loadState("tfstate/hand-written/load-balancers.tfstate");
    LoadBalancer gw =
        byId(loaded.inventory(), LoadBalancer.class, SUB + "/applicationGateways/appgw-staging");

    assertThat(gw.scheme()).isEqualTo("internet");
    assertThat(gw.layer()).isEqualTo(7);
    assertThat(gw.listeners())
        .containsExactly(
            new LoadBalancer.Listener("http", 80, null, null),
            new LoadBalancer.Listener("https", 443, "AppGwSslPolicy20220101", true));
    List<String> hosts = List.of("example.com", "www.example.com");
    assertThat(gw.routes())
        .containsExactly(
            new LoadBalancer.Route(80, 200, List.of(), List.of(), "redirect", null),
            new LoadBalancer.Route(443, 100, hosts, List.of(), "forward", "web"),
            new LoadBalancer.Route(443, 100, hosts, List.of("/api/*"), "forward", "api"));
    assertThat(gw.backends())
        .containsExactly(
            new LoadBalancer.Backend("api", "https", 443, 1),
            new LoadBalancer.Backend("web", "http", 80, 2));
    assertThat(gw.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe(
                "http", null, "/healthz", 30, 30, null, 3, "200-399", "web"));
    assertThat(gw.idleTimeoutSeconds()).isEqualTo(60);
    assertThat(gw.sku()).isEqualTo("WAF_v2");
    assertThat(gw.capacity()).isEqualTo(2);
    assertThat(gw.waf()).isTrue();
    assertThat(gw.meta().tags()).isEqualTo(Map.of("env", "staging"));

    String json = Json.writeInventory(loaded.inventory());
    assertThat(json)
        .doesNotContain("pfx-password-test-only")
        .doesNotContain("MIIKAQIBAzCCCccGCSqGSIb3DQEHAaCCCbgEggm0-test-only");
  }

  @Test
  void state_lbWithRuleAndProbe_mergedByLoadbalancerId() {
    Inventory inventory = loadState("tfstate/hand-written/load-balancers.tfstate").inventory();
    LoadBalancer lb = byId(inventory, LoadBalancer.class, SUB + "/loadBalancers/lb");

    assertThat(lb.scheme()).isEqualTo("internal");
    assertThat(lb.sku()).isEqualTo("Basic");
    assertThat(lb.listeners()).containsExactly(new LoadBalancer.Listener("tcp", 80, null, null));
    assertThat(lb.backends()).containsExactly(new LoadBalancer.Backend("be-lb", "tcp", 80, null));
    assertThat(lb.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe(
                "http", 80, "healthcheck.aspx", 15, null, 1, 1, null, "be-lb"));
    assertThat(lb.idleTimeoutSeconds()).isEqualTo(900);
    assertThat(inventory.ofType(LoadBalancer.class)).hasSize(2);
  }

  @Test
  void state_postgresFlexible_skuTableFiguresAndNoPassword() {
    StateLoader.Loaded loaded = loadState("tfstate/hand-written/databases.tfstate");
    String base =
        "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/exampleresourcegroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/";

    Database pg = byId(loaded.inventory(), Database.class, base + "exampleserver");
    assertThat(figures(pg))
        .containsExactly(
            "postgres", "16", "Standard_D4ds_v5", 4, 16.0, 128, false, 7, true, true, null);
    Database ha = byId(loaded.inventory(), Database.class, base + "payments");
    assertThat(ha.highAvailability()).isTrue();
    assertThat(ha.instanceClass()).isEqualTo("Standard_E4ds_v5");
    assertThat(ha.memoryGiB()).isEqualTo(32.0);
    assertThat(ha.publicAccess()).isFalse();
    assertThat(ha.meta().tags()).containsEntry("cutover:pair", "payments-db");

    assertThat(Json.writeInventory(loaded.inventory()))
        .doesNotContain("pg-password-test-only")
        .doesNotContain("sql-password-test-only");
  }

  @Test
  void state_mssqlDatabases_carryTheirServersTlsAndAccessOrNullWithoutServer() {
    Inventory inventory = loadState("tfstate/hand-written/databases.tfstate").inventory();
    String servers =
        "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/sqlcrudtest-7398/providers/Microsoft.Sql/servers/";

    Database app = byId(inventory, Database.class, servers + "sqlcrudtest-4645/databases/app");
    assertThat(figures(app))
        .containsExactly("sqlserver", "12.0", "GP_Gen5_2", 2, 10.4, 32, true, 14, true, true, true);
    assertThat(app.meta().region()).isEqualTo("japaneast");

    Database dtu =
        byId(inventory, Database.class, servers + "sqlcrudtest-4645/databases/reporting");
    assertThat(dtu.instanceClass()).isEqualTo("S0");
    assertThat(dtu.vcpus()).isNull();
    assertThat(dtu.memoryGiB()).isNull();

    Database orphan = byId(inventory, Database.class, servers + "other/databases/archive");
    assertThat(orphan.engineVersion()).isNull();
    assertThat(orphan.publicAccess()).isNull();
    assertThat(orphan.tlsEnforced()).isNull();
    assertThat(orphan.vcpus()).isEqualTo(8);
    assertThat(inventory.ofType(Database.class)).hasSize(5);
  }

  @Test
  void state_trafficManager_oneWeightedRecordSetPerProfileWithEndpointsAndMonitor() {
    Inventory inventory = loadState("tfstate/hand-written/dns.tfstate").inventory();

    DnsRecordSet tm = byId(inventory, DnsRecordSet.class, SUB + "/trafficManagerProfiles/app-tm");
    assertThat(tm.fqdn()).isEqualTo("app-tm.trafficmanager.net");
    assertThat(tm.type()).isEqualTo("CNAME");
    assertThat(tm.ttlSeconds()).isEqualTo(30L);
    assertThat(tm.routing()).isEqualTo("weighted");
    assertThat(tm.monitor()).isEqualTo("https:443/healthz interval=30s timeout=10s tolerated=3");
    assertThat(tm.members())
        .containsExactly(
            new DnsRecordSet.Member(
                "aws-alb", 900, true, "my-alb-123.us-east-1.elb.amazonaws.com", null),
            new DnsRecordSet.Member(
                "azure-appgw", 100, false, SUB + "/publicIPAddresses/appgw-pip", null));

    DnsRecordSet orphan =
        byId(inventory, DnsRecordSet.class, SUB + "/trafficManagerProfiles/other-tm");
    assertThat(orphan.fqdn()).isNull();
    assertThat(orphan.members())
        .containsExactly(new DnsRecordSet.Member("onprem", 1, true, "203.0.113.10", null));
  }

  @Test
  void state_dnsRecords_simpleSetsWithValuesOrAliasTarget() {
    Inventory inventory = loadState("tfstate/hand-written/dns.tfstate").inventory();

    DnsRecordSet a = byId(inventory, DnsRecordSet.class, SUB + "/dnsZones/zone1/A/record1");
    assertThat(a)
        .extracting(
            DnsRecordSet::fqdn,
            DnsRecordSet::type,
            DnsRecordSet::ttlSeconds,
            DnsRecordSet::routing,
            DnsRecordSet::zone)
        .containsExactly("record1.zone1", "A", 3600L, "simple", "zone1");
    assertThat(a.members())
        .containsExactly(new DnsRecordSet.Member(null, null, null, "127.0.0.1", null));
    DnsRecordSet cname = byId(inventory, DnsRecordSet.class, SUB + "/dnsZones/zone1/CNAME/record1");
    assertThat(cname.members())
        .containsExactly(new DnsRecordSet.Member(null, null, null, "contoso.com", null));
    DnsRecordSet apex = byId(inventory, DnsRecordSet.class, SUB + "/dnsZones/example.com/A/@");
    assertThat(apex.fqdn()).isEqualTo("example.com");
    assertThat(apex.members().get(0).target()).isEqualTo(SUB + "/trafficManagerProfiles/app-tm");
    assertThat(inventory.resources())
        .allMatch(r -> r.kind() == ResourceKind.DNS_RECORD_SET)
        .hasSize(5);
  }

  @Test
  void state_snapshotRoundTrip_givesEqualResources() throws Exception {
    List<dev.cutover.core.model.Resource> all = new ArrayList<>();
    for (String state : List.of("networks", "load-balancers", "databases", "dns")) {
      all.addAll(loadState("tfstate/hand-written/" + state + ".tfstate").inventory().resources());
    }
    Inventory inventory = new Inventory("state:hand-written", all);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("azure-state", ".json");
    try {
      java.nio.file.Files.writeString(file, Json.writeInventory(inventory));
      assertThat(Json.readSnapshot(file).resources()).isEqualTo(inventory.resources());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
