package dev.cutover.azure;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.cutover.azure.ArmStubs.SUB;
import static dev.cutover.azure.TestFiles.byId;
import static dev.cutover.azure.TestFiles.loadState;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.spi.LiveRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What drift relies on: the same resource read from its Terraform state and from the live API maps
 * to the same canonical resource (only the address and native type differ), and a live inventory
 * survives a JSON snapshot round trip unchanged.
 */
class StateLiveConsistencyTest {

  private static final String RG1 = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/";
  private static final String NET =
      "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network";

  private static WireMockServer server;
  private static Inventory live;

  @BeforeAll
  static void scanLive() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    ArmStubs stubs = new ArmStubs(server);
    stubs.list(
        RG1 + "Microsoft.Network/virtualNetworks",
        stubs.body("azure/network/VirtualNetworkList.json"));
    stubs.list(
        RG1 + "Microsoft.Network/networkSecurityGroups",
        stubs.listOf("azure/network/NetworkSecurityGroupGet.json"));
    stubs.list(RG1 + "Microsoft.Network/applicationGateways", "{\"value\": []}");
    stubs.list(
        RG1 + "Microsoft.Network/loadBalancers",
        stubs.listOf("azure/network/LoadBalancerGet.json"));
    stubs.list(
        RG1 + "Microsoft.DBforPostgreSQL/flexibleServers",
        stubs.listOf("azure/postgresql-flexible/ServerGet-2024-08-01.json"));
    stubs.list(RG1 + "Microsoft.Sql/servers", "{\"value\": []}");
    stubs.list(RG1 + "Microsoft.Network/trafficmanagerprofiles", "{\"value\": []}");
    stubs.list(
        RG1 + "Microsoft.Network/dnszones",
        "{\"value\": [{\"id\": \""
            + NET
            + "/dnsZones/zone1\", \"name\": \"zone1\","
            + " \"type\": \"Microsoft.Network/dnsZones\", \"location\": \"global\"}]}");
    stubs.list(
        RG1 + "Microsoft.Network/dnszones/zone1/A", stubs.body("azure/dns/ListARecordset.json"));
    stubs.lastPage(
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/dnsZones/zone1/A");
    stubs.list(
        RG1 + "Microsoft.Network/dnszones/zone1/CNAME",
        stubs.body("azure/dns/ListCNAMERecordset.json"));
    stubs.lastPage(
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/dnsZones/zone1/CNAME");
    live =
        new AzureProvider()
            .scan(
                new LiveRequest(
                    SUB + "/rg1", EnumSet.allOf(ResourceKind.class), stubs.endpoint(), null));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** The resource without what only tells where it was read from (address, native type). */
  private static Resource located(Resource resource) {
    ResourceMeta m = resource.meta();
    return resource.withMeta(
        new ResourceMeta(m.cloud(), m.id(), m.name(), null, null, m.region(), m.tags()));
  }

  @Test
  void nsg_fromStateAndFromLive_equalCanonicalRulesDefaultsIncluded() {
    Inventory state = loadState("tfstate/hand-written/networks.tfstate").inventory();
    String id = NET + "/networkSecurityGroups/testnsg";

    FirewallRuleSet fromState = byId(state, FirewallRuleSet.class, id);
    FirewallRuleSet fromLive = byId(live, FirewallRuleSet.class, id);

    assertThat(fromLive.rules()).isEqualTo(fromState.rules());
    assertThat(fromLive.rules()).filteredOn(FirewallRule::builtin).hasSize(6);
    assertThat(located(fromLive)).isEqualTo(located(fromState));
  }

  @Test
  void networkAndSubnet_fromStateAndFromLive_equal() {
    Inventory state = loadState("tfstate/hand-written/networks.tfstate").inventory();

    for (String vnet : new String[] {"vnet1", "vnet2"}) {
      String id = NET + "/virtualNetworks/" + vnet;
      assertThat(
              located(byId(live, Network.class, id))
                  .equals(located(byId(state, Network.class, id))))
          .as(vnet)
          .isTrue();
    }
    String subnet = NET + "/virtualNetworks/vnet1/subnets/test-1";
    assertThat(located(byId(live, Subnet.class, subnet)))
        .isEqualTo(located(byId(state, Subnet.class, subnet)));
  }

  @Test
  void loadBalancer_fromStateAndFromLive_equal() {
    Inventory state = loadState("tfstate/hand-written/load-balancers.tfstate").inventory();
    String id = NET + "/loadBalancers/lb";

    assertThat(located(byId(live, LoadBalancer.class, id)))
        .isEqualTo(located(byId(state, LoadBalancer.class, id)));
  }

  @Test
  void postgres_fromStateAndFromLive_equal() {
    Inventory state = loadState("tfstate/hand-written/databases.tfstate").inventory();
    String id =
        "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/exampleresourcegroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/exampleserver";

    assertThat(located(byId(live, Database.class, id)))
        .isEqualTo(located(byId(state, Database.class, id)));
  }

  @Test
  void dnsRecords_fromStateAndFromLive_equal() {
    Inventory state = loadState("tfstate/hand-written/dns.tfstate").inventory();

    for (String type : new String[] {"A", "CNAME"}) {
      String id = NET + "/dnsZones/zone1/" + type + "/record1";
      assertThat(located(byId(live, DnsRecordSet.class, id)))
          .as(type)
          .isEqualTo(located(byId(state, DnsRecordSet.class, id)));
    }
  }

  @Test
  void liveInventory_jsonSnapshotRoundTrip_givesEqualResources() throws Exception {
    Path file = Files.createTempFile("azure-live", ".json");
    try {
      Files.writeString(file, Json.writeInventory(live));

      assertThat(Json.readSnapshot(file).resources()).isEqualTo(live.resources());
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(live.resources()).hasSizeGreaterThanOrEqualTo(8);
  }
}
