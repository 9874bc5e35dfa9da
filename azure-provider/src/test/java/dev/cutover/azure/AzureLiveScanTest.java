package dev.cutover.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.cutover.azure.ArmStubs.SUB;
import static dev.cutover.azure.TestFiles.byId;
import static dev.cutover.azure.TestFiles.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cutover.azure.canonical.NsgRules;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.spi.LiveRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Azure SDK managers against WireMock serving azure-rest-api-specs examples. */
class AzureLiveScanTest {

  private static final String RG1 = "/subscriptions/" + SUB + "/resourceGroups/rg1";
  private static final String SUBSCRIPTION = "/subscriptions/" + SUB;
  private static final String EXAMPLE_NET =
      "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network";

  private static WireMockServer server;
  private static ArmStubs stubs;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    stubs = new ArmStubs(server);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  private Inventory scan(String location, ResourceKind... kinds) {
    return new AzureProvider()
        .scan(
            new LiveRequest(
                location,
                Set.of(kinds),
                stubs.endpoint(),
                (phase, done, total) -> progress.add(phase + " #" + done)));
  }

  @Test
  void scan_resourceGroupVirtualNetworks_networksWithTheirSubnets() {
    stubs.list(
        RG1 + "/providers/Microsoft.Network/virtualNetworks",
        stubs.body("azure/network/VirtualNetworkList.json"));

    Inventory inventory = scan(SUB + "/rg1", ResourceKind.NETWORK, ResourceKind.SUBNET);

    assertThat(inventory.source()).isEqualTo("azure:" + SUB + "/rg1");
    Network vnet1 = byId(inventory, Network.class, EXAMPLE_NET + "/virtualNetworks/vnet1");
    assertThat(vnet1.cidrs()).containsExactly("10.0.0.0/8");
    assertThat(vnet1.meta().nativeType()).isEqualTo("Microsoft.Network/virtualNetworks");
    assertThat(vnet1.meta().region()).isEqualTo("westus");
    assertThat(byId(inventory, Network.class, EXAMPLE_NET + "/virtualNetworks/vnet2").cidrs())
        .containsExactly("10.0.0.0/16");
    Subnet subnet =
        byId(inventory, Subnet.class, EXAMPLE_NET + "/virtualNetworks/vnet1/subnets/test-1");
    assertThat(subnet.network()).isEqualTo(vnet1.meta().id());
    assertThat(subnet.cidr()).isEqualTo("10.0.0.0/24");
    assertThat(subnet.zone()).isNull();
    assertThat(subnet.meta().nativeType()).isEqualTo("Microsoft.Network/virtualNetworks/subnets");
    assertThat(inventory.resources()).hasSize(3);
  }

  @Test
  void scan_networkSecurityGroups_defaultRulesFromTheApiEqualTheSharedDefinition() {
    stubs.list(
        RG1 + "/providers/Microsoft.Network/networkSecurityGroups",
        stubs.body("azure/network/NetworkSecurityGroupList.json"));

    Inventory inventory = scan(SUB + "/rg1", ResourceKind.FIREWALL);

    assertThat(inventory.ofType(FirewallRuleSet.class))
        .extracting(n -> n.meta().name())
        .containsExactlyInAnyOrder("nsg1", "nsg3");
    assertThat(inventory.ofType(FirewallRuleSet.class))
        .allSatisfy(
            nsg -> {
              assertThat(nsg.rules()).allMatch(FirewallRule::builtin);
              assertThat(nsg.rules()).containsExactlyInAnyOrderElementsOf(NsgRules.defaults());
              assertThat(nsg.meta().nativeType())
                  .isEqualTo("Microsoft.Network/networkSecurityGroups");
            });
  }

  @Test
  void scan_listWithNextLink_readsEveryPageAndReportsProgressPerPage() {
    String nextPath = RG1 + "/providers/Microsoft.Network/networkSecurityGroups/page2";
    stubs.list(
        RG1 + "/providers/Microsoft.Network/networkSecurityGroups",
        stubs.withNextLink(stubs.body("azure/network/NetworkSecurityGroupList.json"), nextPath));
    stubs.list(nextPath, stubs.listOf("azure/network/NetworkSecurityGroupGet.json"));

    Inventory inventory = scan(SUB + "/rg1", ResourceKind.FIREWALL);

    assertThat(inventory.ofType(FirewallRuleSet.class))
        .extracting(n -> n.meta().name())
        .containsExactlyInAnyOrder("nsg1", "nsg3", "testnsg");
    FirewallRuleSet testnsg =
        byId(inventory, FirewallRuleSet.class, EXAMPLE_NET + "/networkSecurityGroups/testnsg");
    assertThat(testnsg.rules())
        .filteredOn(r -> !r.builtin())
        .extracting(FirewallRule::name, FirewallRule::protocol, FirewallRule::fromPort)
        .containsExactly(tuple("rule1", "tcp", 80), tuple("rule1", "udp", 80));
    assertThat(progress)
        .containsExactly(
            "azure " + SUB + "/rg1: list network security groups #1",
            "azure " + SUB + "/rg1: list network security groups #2");
  }

  @Test
  void scan_loadBalancers_applicationGatewayAndLoadBalancerOfTheSubscription() {
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.Network/applicationGateways",
        stubs.body("azure/network/ApplicationGatewayListAll.json"));
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.Network/loadBalancers",
        stubs.listOf("azure/network/LoadBalancerGet.json"));

    Inventory inventory = scan(SUB, ResourceKind.LOAD_BALANCER);

    LoadBalancer gw =
        byId(inventory, LoadBalancer.class, EXAMPLE_NET + "/applicationGateways/appgw");
    assertThat(gw.scheme()).isEqualTo("internet");
    assertThat(gw.layer()).isEqualTo(7);
    assertThat(gw.listeners())
        .containsExactly(
            new LoadBalancer.Listener("http", 80, null, null),
            new LoadBalancer.Listener("https", 443, "Custom:TLSv1_1", true));
    assertThat(gw.routes())
        .containsExactly(
            new LoadBalancer.Route(80, 20, List.of(), List.of(), "forward", "appgwpool"),
            new LoadBalancer.Route(
                80, 20, List.of(), List.of("/api", "/v1/api"), "forward", "appgwpool"),
            new LoadBalancer.Route(443, 10, List.of(), List.of(), "forward", "appgwpool"));
    assertThat(gw.backends())
        .containsExactly(
            new LoadBalancer.Backend("appgwpool", "http", 80, 0),
            new LoadBalancer.Backend("appgwpool1", null, null, 2));
    assertThat(gw.healthProbes()).isEmpty();
    assertThat(gw.idleTimeoutSeconds()).isEqualTo(30);
    assertThat(gw.sku()).isEqualTo("Standard_Medium");
    assertThat(gw.capacity()).isEqualTo(3);
    assertThat(gw.waf()).isFalse();
    assertThat(gw.meta().nativeType()).isEqualTo("Microsoft.Network/applicationGateways");

    LoadBalancer lb = byId(inventory, LoadBalancer.class, EXAMPLE_NET + "/loadBalancers/lb");
    assertThat(lb.scheme()).isEqualTo("internal");
    assertThat(lb.layer()).isEqualTo(4);
    assertThat(lb.sku()).isEqualTo("Basic");
    assertThat(lb.listeners()).containsExactly(new LoadBalancer.Listener("tcp", 80, null, null));
    assertThat(lb.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe(
                "http", 80, "healthcheck.aspx", 15, null, 1, 1, null, "be-lb"));
    assertThat(lb.idleTimeoutSeconds()).isEqualTo(900);
  }

  @Test
  void scan_databases_postgresAndOnePaginatedDatabaseListPerSqlServer() {
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.DBforPostgreSQL/flexibleServers",
        stubs.listOf("azure/postgresql-flexible/ServerGet-2024-08-01.json"));
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.Sql/servers", stubs.body("azure/sql/ServerList.json"));
    String servers =
        SUBSCRIPTION + "/resourceGroups/sqlcrudtest-7398/providers/Microsoft.Sql/servers/";
    stubs.list(
        servers + "sqlcrudtest-4645/databases",
        stubs.body("azure/sql/ListVCoreDatabasesByServer.json"));
    stubs.list(servers + "sqlcrudtest-6661/databases", "{\"value\": []}");

    Inventory inventory = scan(SUB, ResourceKind.DATABASE);

    Database pg =
        byId(
            inventory,
            Database.class,
            "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/exampleresourcegroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/exampleserver");
    assertThat(figures(pg))
        .containsExactly(
            "postgres", "16", "Standard_D4ds_v5", 4, 16.0, 128, false, 7, true, true, null);

    Database sql =
        byId(
            inventory,
            Database.class,
            "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/Default-SQL-SouthEastAsia/providers/Microsoft.Sql/servers/testsvr/databases/testdb");
    assertThat(figures(sql))
        .containsExactly(
            "sqlserver", "12.0", "BC_Gen4_2", 2, 14.0, 250, false, null, null, true, false);
    assertThat(inventory.ofType(Database.class))
        .extracting(d -> d.meta().name())
        .containsExactlyInAnyOrder("exampleserver", "testdb");

    server.verify(1, getRequestedFor(urlPathMatching("(?i).*/servers/sqlcrudtest-4645/databases")));
    server.verify(1, getRequestedFor(urlPathMatching("(?i).*/servers/sqlcrudtest-6661/databases")));
    server.verify(0, getRequestedFor(urlPathMatching("(?i).*/databases/.+")));
  }

  @Test
  void scan_dnsRecordSets_trafficManagerProfilesAndRecordsFollowingNextLinks() {
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.Network/trafficmanagerprofiles",
        stubs.listOf("azure/trafficmanager/Profile-PUT-WithEndpoints.json"));
    stubs.list(
        SUBSCRIPTION + "/providers/Microsoft.Network/dnszones",
        stubs.body("azure/dns/ListZonesBySubscription.json"));
    stubs.lastPage("/subscriptions/subid/providers/Microsoft.Network/dnsZones");
    String zone1 = RG1 + "/providers/Microsoft.Network/dnszones/zone1/";
    stubs.list(zone1 + "A", stubs.body("azure/dns/ListARecordset.json"));
    stubs.lastPage(
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/dnsZones/zone1/A");
    stubs.list(zone1 + "CNAME", stubs.body("azure/dns/ListCNAMERecordset.json"));
    stubs.lastPage(
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/dnsZones/zone1/CNAME");
    String zone2 = SUBSCRIPTION + "/resourceGroups/rg2/providers/Microsoft.Network/dnszones/zone2/";
    stubs.list(zone2 + "A", "{\"value\": []}");
    stubs.list(zone2 + "CNAME", "{\"value\": []}");

    Inventory inventory = scan(SUB, ResourceKind.DNS_RECORD_SET);

    DnsRecordSet tm =
        byId(
            inventory,
            DnsRecordSet.class,
            "/subscriptions/{subscription-id}/resourceGroups/azuresdkfornetautoresttrafficmanager2583/providers/Microsoft.Network/trafficManagerProfiles/azuresdkfornetautoresttrafficmanager6192");
    assertThat(tm.fqdn())
        .isEqualTo("azuresdkfornetautoresttrafficmanager6192.tmpreview.watmtest.azure-test.net");
    assertThat(tm.type()).isEqualTo("CNAME");
    assertThat(tm.ttlSeconds()).isEqualTo(35L);
    assertThat(tm.routing()).isEqualTo("performance");
    assertThat(tm.monitor()).isEqualTo("http:80/testpath.aspx interval=10s timeout=5s tolerated=2");
    assertThat(tm.members())
        .containsExactly(
            new DnsRecordSet.Member("My external endpoint", 1, true, "foobar.contoso.com", null));

    DnsRecordSet a = byId(inventory, DnsRecordSet.class, EXAMPLE_NET + "/dnsZones/zone1/A/record1");
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
    assertThat(a.meta().nativeType()).isEqualTo("Microsoft.Network/dnsZones/A");
    DnsRecordSet cname =
        byId(inventory, DnsRecordSet.class, EXAMPLE_NET + "/dnsZones/zone1/CNAME/record1");
    assertThat(cname.members())
        .containsExactly(new DnsRecordSet.Member(null, null, null, "contoso.com", null));
    assertThat(inventory.resources()).hasSize(3);
    server.verify(3, getRequestedFor(urlPathMatching("(?i)/subscriptions/subid/.*")));
  }

  @Test
  void scan_onlyTheRequestedKinds_callsOnlyTheirApis() {
    stubs.list(
        RG1 + "/providers/Microsoft.Network/networkSecurityGroups",
        stubs.body("azure/network/NetworkSecurityGroupList.json"));

    Inventory inventory = scan(SUB + "/rg1", ResourceKind.FIREWALL);

    assertThat(inventory.resources()).allMatch(r -> r.kind() == ResourceKind.FIREWALL);
    server.verify(1, anyRequestedFor(anyUrl()));
  }
}
