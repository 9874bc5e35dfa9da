package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.meta;
import static dev.cutover.core.compare.Canonical.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pairing and the missing/unmanaged findings of parity. */
class ParityTest {

  private static final String VNET =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/";

  private static Report parity(List<Resource> source, List<Resource> target, Pairing pairing) {
    return Parity.compare(
        new dev.cutover.core.model.Inventory("state:aws", source),
        new dev.cutover.core.model.Inventory("state:azure", target),
        pairing);
  }

  private static Network vnet(String name, String cidr) {
    return network(AZURE, VNET + name, name, cidr);
  }

  private static Network vpc(String id, String address, String name, Map<String, String> tags) {
    return new Network(
        new ResourceMeta(AWS, id, name, address, "aws_vpc", null, tags), List.of("10.0.0.0/16"));
  }

  @Test
  void parity_sameNameDifferentCase_pairs() {
    Report report =
        parity(
            List.of(network(AWS, "vpc-1", "Main", "10.0.0.0/16")),
            List.of(vnet("main", "10.0.0.0/16")),
            Pairing.byTagAndName());

    assertThat(report.findings()).extracting(Finding::rule).containsExactly("network.overlap");
  }

  @Test
  void parity_explicitMapByAddress_winsOverName() {
    Network sourceMain = vpc("vpc-1", "module.net.aws_vpc.this[0]", "main", Map.of());
    Report report =
        parity(
            List.of(sourceMain),
            List.of(vnet("main", "10.0.0.0/16"), vnet("vnet-green", "10.0.0.0/16")),
            Pairing.of(Map.of("module.net.aws_vpc.this[0]", "vnet-green")));

    assertThat(report.findings())
        .extracting(Finding::type, f -> f.right().name())
        .containsExactlyInAnyOrder(
            tuple(FindingType.CHANGED, "vnet-green"), tuple(FindingType.UNMANAGED, "main"));
  }

  @Test
  void parity_explicitMapById_isCaseInsensitive() {
    Report report =
        parity(
            List.of(network(AWS, "vpc-0ABC", "blue", "10.0.0.0/16")),
            List.of(vnet("green", "10.0.0.0/16")),
            Pairing.of(Map.of("vpc-0abc", (VNET + "green").toUpperCase(java.util.Locale.ROOT))));

    assertThat(report.findings()).extracting(Finding::rule).containsExactly("network.overlap");
  }

  @Test
  void parity_pairTag_pairsDifferentNames() {
    Network source = vpc("vpc-1", null, "blue", Map.of("cutover:pair", "core"));
    Network target =
        new Network(
            meta(AZURE, VNET + "green", "green", Map.of("cutover:pair", "core")),
            List.of("10.0.0.0/16"));

    assertThat(parity(List.of(source), List.of(target), Pairing.byTagAndName()).findings())
        .extracting(Finding::rule)
        .containsExactly("network.overlap");
  }

  @Test
  void parity_ambiguousName_doesNotGuess() {
    Report report =
        parity(
            List.of(Canonical.sg("sg-1", "default"), Canonical.sg("sg-2", "default")),
            List.of(Canonical.nsg("default")),
            Pairing.byTagAndName());

    assertThat(report.findings())
        .extracting(Finding::type)
        .containsExactlyInAnyOrder(FindingType.MISSING, FindingType.MISSING, FindingType.UNMANAGED);
  }

  @Test
  void parity_unpairedSource_missingHighForFirewallMediumForNetwork_unpairedTargetLow() {
    Report report =
        parity(
            List.of(Canonical.sg("sg-1", "web"), network(AWS, "vpc-1", "main", "10.0.0.0/16")),
            List.of(vnet("other", "10.5.0.0/16")),
            Pairing.byTagAndName());

    assertThat(report.findings())
        .extracting(Finding::type, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                FindingType.MISSING,
                Severity.HIGH,
                "source firewall has no counterpart in the target"),
            tuple(
                FindingType.MISSING,
                Severity.MEDIUM,
                "source network has no counterpart in the target"),
            tuple(
                FindingType.UNMANAGED,
                Severity.LOW,
                "target network has no counterpart in the source"));
    assertThat(report.findings().get(0).remediation()).contains("cutover:pair");
  }

  @Test
  void parity_unpairedCloudDefaults_areNotReported() {
    Network defaultVpc = network(AWS, "vpc-d", null, "172.31.0.0/16");
    FirewallRuleSet defaultGroup = Canonical.sg("sg-d", "default");
    Report report =
        parity(
            List.of(
                defaultVpc.withMeta(defaultVpc.meta().asCloudDefault()),
                defaultGroup.withMeta(defaultGroup.meta().asCloudDefault()),
                network(AWS, "vpc-1", "main", "10.0.0.0/16")),
            List.of(vnet("main", "10.0.0.0/16")),
            Pairing.byTagAndName());

    assertThat(report.findings())
        .extracting(f -> f.subject().id(), Finding::rule)
        .containsExactly(tuple("vpc-1", "network.overlap"));
  }

  @Test
  void parity_explicitPairOfTwoKinds_isAnError() {
    assertThatThrownBy(
            () ->
                parity(
                    List.of(Canonical.sg("sg-1", "web")),
                    List.of(vnet("web", "10.0.0.0/16")),
                    Pairing.of(Map.of("sg-1", "web"))))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            "pairs: 'sg-1: web' pairs a firewall with a network; pair resources of one kind");
  }

  @Test
  void parity_explicitAddressSharedByNetworkAndInlineSubnet_pairsTheKindTheOtherSideHas() {
    // The Azure mapper gives a subnet declared inline the address of its network.
    Network sourceVpc = vpc("vpc-1", "aws_vpc.main", "main", Map.of());
    Network vnet =
        new Network(
            new ResourceMeta(
                AZURE,
                VNET + "green",
                "green",
                "azurerm_virtual_network.green",
                null,
                null,
                Map.of()),
            List.of("10.0.0.0/16"));
    dev.cutover.core.model.Subnet inline =
        new dev.cutover.core.model.Subnet(
            new ResourceMeta(
                AZURE,
                VNET + "green/subnets/app",
                "app",
                "azurerm_virtual_network.green",
                null,
                null,
                Map.of()),
            VNET + "green",
            "10.0.1.0/24",
            null,
            null);

    Report report =
        parity(
            List.of(sourceVpc),
            List.of(vnet, inline),
            Pairing.of(Map.of("aws_vpc.main", "azurerm_virtual_network.green")));

    assertThat(report.findings())
        .extracting(Finding::rule, f -> f.right().id())
        .containsExactlyInAnyOrder(
            tuple("network.overlap", VNET + "green"),
            tuple("resource.unmanaged", VNET + "green/subnets/app"));
  }

  @Test
  void parity_explicitReferenceNamingTwoResources_isAnError() {
    assertThatThrownBy(
            () ->
                parity(
                    List.of(Canonical.sg("sg-1", "web"), Canonical.sg("sg-2", "web")),
                    List.of(Canonical.nsg("web")),
                    Pairing.of(Map.of("web", "web"))))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith("pairs: 'web: web' names 2 source resources");
  }

  @Test
  void parity_dnsRecordSetsTheSwitchCannotMove_areNotCompared() {
    DnsRecordSet soa =
        new DnsRecordSet(
            meta(AWS, "Z1/example.com/SOA", "example.com"),
            "example.com",
            "SOA",
            900L,
            "simple",
            List.of(),
            "Z1",
            null);
    DnsRecordSet weighted =
        new DnsRecordSet(
            meta(AWS, "Z1/app.example.com/A", "app.example.com"),
            "app.example.com",
            "A",
            60L,
            "weighted",
            List.of(),
            "Z1",
            null);

    assertThat(parity(List.of(soa, weighted), List.of(), Pairing.byTagAndName()).findings())
        .extracting(Finding::type, f -> f.left().id())
        .containsExactly(tuple(FindingType.MISSING, "Z1/app.example.com/A"));
  }

  @Test
  void parity_databasesPairedByName_compareEvenAcrossEngines() {
    Database rds =
        new Database(
            meta(AWS, "arn:aws:rds:us-east-1:1:db:orders", "orders"),
            "postgres",
            "15.4",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Database flex =
        new Database(
            meta(AZURE, "/subscriptions/s/x/flexibleServers/orders", "orders"),
            "mysql",
            "8.0.21",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(parity(List.of(rds), List.of(flex), Pairing.byTagAndName()).findings())
        .extracting(Finding::rule, Finding::message)
        .containsExactly(tuple("db.engine-version", "source engine is postgres, target mysql"));
  }

  @Test
  void parity_reportCarriesSidesAndComparison() {
    Report report = parity(List.of(), List.of(), Pairing.byTagAndName());

    assertThat(report.comparison()).isEqualTo(Comparison.PARITY);
    assertThat(report.left()).isEqualTo("state:aws");
    assertThat(report.right()).isEqualTo("state:azure");
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void parity_twoGroupsAllowingNothing_areEquivalent() {
    FirewallRuleSet web = Canonical.sg("sg-1", "web");
    assertThat(
            parity(List.of(web), List.of(Canonical.sg("sg-2", "web")), Pairing.byTagAndName())
                .findings())
        .isEmpty();
  }
}
