package dev.cutover.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.core.Golden;
import dev.cutover.core.compare.Drift;
import dev.cutover.core.compare.Pairing;
import dev.cutover.core.compare.Parity;
import dev.cutover.core.compare.Report;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.spi.DriftNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden files under src/test/resources/reports/CASE/expected.txt; -Dcutover.regenerate=true. */
class ReportRendererTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Path golden(String name) {
    return Path.of("src", "test", "resources", "reports", name, "expected.txt");
  }

  private static ResourceMeta state(
      String id, String name, String address, String type, Map<String, String> tags) {
    return new ResourceMeta("aws", id, name, address, type, "us-east-1", tags);
  }

  private static ResourceMeta live(String id, String name, String type, Map<String, String> tags) {
    return new ResourceMeta("aws", id, name, null, type, "us-east-1", tags);
  }

  private static FirewallRule allowIn(String protocol, int port, String peer) {
    return FirewallRule.allow(Direction.INGRESS, protocol, port, port, peer);
  }

  /**
   * A staging-like drift: one rule opened to the internet, one tag changed, one group unmanaged.
   */
  private static Report driftReport() {
    FirewallRuleSet declared =
        new FirewallRuleSet(
            state(
                "sg-0123",
                "web",
                "module.web.aws_security_group.this",
                "aws_security_group",
                Map.of("env", "staging")),
            "vpc-0a1b2c",
            List.of(allowIn("tcp", 443, "0.0.0.0/0")));
    FirewallRuleSet actual =
        new FirewallRuleSet(
            live("sg-0123", "web", "AWS::EC2::SecurityGroup", Map.of("env", "prod")),
            "vpc-0a1b2c",
            List.of(allowIn("tcp", 443, "0.0.0.0/0"), allowIn("tcp", 22, "0.0.0.0/0")));
    FirewallRuleSet console =
        new FirewallRuleSet(
            live("sg-0999", "launch-wizard-1", "AWS::EC2::SecurityGroup", Map.of()),
            "vpc-0a1b2c",
            List.of());
    Network vpc =
        new Network(
            state("vpc-0a1b2c", "main", "aws_vpc.main", "aws_vpc", Map.of()),
            List.of("10.0.0.0/16"));
    return Drift.compare(
        new Inventory("state:environments/staging/aws/terraform.tfstate", List.of(declared, vpc)),
        new Inventory("aws:us-east-1", List.of(actual, console)),
        DriftNormalizer.NONE);
  }

  /** A staging-like parity: an exposed port, a database major version, a DNS TTL. */
  private static Report parityReport() {
    String nsgId =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-staging/providers/Microsoft.Network/networkSecurityGroups/web";
    FirewallRuleSet sg =
        new FirewallRuleSet(
            state("sg-0123", "web", "aws_security_group.web", "aws_security_group", Map.of()),
            "vpc-0a1b2c",
            List.of(allowIn("tcp", 443, "0.0.0.0/0")));
    FirewallRuleSet nsg =
        new FirewallRuleSet(
            new ResourceMeta(
                "azure",
                nsgId,
                "web",
                "azurerm_network_security_group.web",
                "azurerm_network_security_group",
                "westeurope",
                Map.of()),
            null,
            List.of(
                new FirewallRule(
                    Direction.INGRESS,
                    Action.ALLOW,
                    "Tcp",
                    443,
                    443,
                    "0.0.0.0/0",
                    100,
                    "allow-https",
                    null,
                    null,
                    false),
                new FirewallRule(
                    Direction.INGRESS,
                    Action.ALLOW,
                    "Tcp",
                    8080,
                    8080,
                    "0.0.0.0/0",
                    200,
                    "allow-8080",
                    null,
                    null,
                    false),
                new FirewallRule(
                    Direction.INGRESS,
                    Action.DENY,
                    "*",
                    0,
                    65535,
                    "0.0.0.0/0",
                    65500,
                    "DenyAllInBound",
                    null,
                    null,
                    true)));
    Database rds =
        new Database(
            state(
                "arn:aws:rds:us-east-1:123456789012:db:orders",
                "orders",
                "aws_db_instance.orders",
                "aws_db_instance",
                Map.of()),
            "postgres",
            "15.4",
            "db.r6g.large",
            2,
            16.0,
            100,
            true,
            7,
            true,
            false,
            true);
    Database flex =
        new Database(
            new ResourceMeta(
                "azure",
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-staging/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders",
                "orders",
                "azurerm_postgresql_flexible_server.orders",
                "azurerm_postgresql_flexible_server",
                "westeurope",
                Map.of()),
            "postgres",
            "14",
            "Standard_D2ds_v5",
            2,
            8.0,
            128,
            true,
            7,
            true,
            false,
            true);
    DnsRecordSet route53 =
        new DnsRecordSet(
            state(
                "Z0123/app.example.com/A",
                "app.example.com",
                "aws_route53_record.app[\"blue\"]",
                "aws_route53_record",
                Map.of()),
            "app.example.com",
            "A",
            300L,
            "weighted",
            List.of(
                new DnsRecordSet.Member(
                    "blue",
                    100,
                    null,
                    "web-1.us-east-1.elb.amazonaws.com",
                    "evaluate-target-health")),
            "Z0123",
            null);
    DnsRecordSet tm =
        new DnsRecordSet(
            new ResourceMeta(
                "azure",
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-staging/providers/Microsoft.Network/trafficManagerProfiles/app",
                "app",
                null,
                "Microsoft.Network/trafficManagerProfiles",
                "global",
                Map.of()),
            "app.trafficmanager.net",
            null,
            30L,
            "weighted",
            List.of(
                new DnsRecordSet.Member(
                    "green", 1, true, "agw-web.westeurope.cloudapp.azure.com", null)),
            null,
            "HTTPS:443/health");
    List<Resource> source = List.of(sg, rds, route53);
    List<Resource> target = List.of(nsg, flex, tm);
    return Parity.compare(
        new Inventory("state:environments/staging/aws/terraform.tfstate", source),
        new Inventory("state:environments/staging/azure/terraform.tfstate", target),
        Pairing.of(Map.of("aws_route53_record.app[\"blue\"]", "app")));
  }

  @Test
  void table_cleanDrift_saysSoWithZeroSummary() throws IOException {
    Report clean =
        Drift.compare(
            new Inventory("state:aws.tfstate", List.of()),
            new Inventory("aws:us-east-1", List.of()),
            DriftNormalizer.NONE);

    Golden.assertMatches(golden("drift-clean"), ReportRenderer.table(clean));
  }

  @Test
  void table_driftWithFindings_groupsBySeverity() throws IOException {
    Golden.assertMatches(golden("drift-findings"), ReportRenderer.table(driftReport()));
  }

  @Test
  void table_parityWithFindings_namesBothResourcesAndFixes() throws IOException {
    Golden.assertMatches(golden("parity-findings"), ReportRenderer.table(parityReport()));
  }

  @Test
  void table_noColourByDefault_colourOnRequest() {
    assertThat(ReportRenderer.table(driftReport())).doesNotContain("\u001b[");
    assertThat(ReportRenderer.table(driftReport(), true)).contains("\u001b[31mHIGH (1)\u001b[0m");
  }

  @Test
  void json_driftReport_hasTheDesignFieldsExactly() throws IOException {
    JsonNode json = MAPPER.readTree(ReportRenderer.json(driftReport()));

    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("comparison").asText()).isEqualTo("drift");
    JsonNode high = json.get("findings").get(0);
    assertThat(high.get("severity").asText()).isEqualTo("high");
    assertThat(high.get("rule").asText()).isEqualTo("firewall.flow");
    assertThat(high.get("type").asText()).isEqualTo("changed");
    assertThat(high.get("left").get("cloud").asText()).isEqualTo("aws");
    assertThat(high.get("left").get("kind").asText()).isEqualTo("firewall");
    assertThat(high.get("left").get("id").asText()).isEqualTo("sg-0123");
    assertThat(high.get("left").get("address").asText())
        .isEqualTo("module.web.aws_security_group.this");
    assertThat(high.get("right").get("id").asText()).isEqualTo("sg-0123");
    assertThat(high.get("right").has("address")).isFalse();
    assertThat(high.get("attribute").asText()).isEqualTo("rules");
    assertThat(high.has("leftValue")).isFalse();
    assertThat(high.get("rightValue").asText()).isEqualTo("ingress tcp/22 from 0.0.0.0/0");
    assertThat(high.get("message").asText())
        .isEqualTo("ingress tcp/22 from 0.0.0.0/0 is allowed live but not in state");
    assertThat(json.get("summary").toString())
        .isEqualTo("{\"high\":1,\"medium\":1,\"low\":2,\"info\":0}");
    List<String> fields = List.copyOf(iterable(json.fieldNames()));
    assertThat(fields)
        .containsExactly("schemaVersion", "comparison", "left", "right", "findings", "summary");
    assertThat(iterable(high.fieldNames()))
        .containsExactly(
            "severity",
            "rule",
            "type",
            "left",
            "right",
            "attribute",
            "rightValue",
            "message",
            "remediation");
  }

  @Test
  void json_unmanagedFinding_hasNoLeft_missingHasNoRight() throws IOException {
    JsonNode findings = MAPPER.readTree(ReportRenderer.json(driftReport())).get("findings");

    JsonNode unmanaged = find(findings, "unmanaged");
    JsonNode missing = find(findings, "missing");
    assertThat(unmanaged.has("left")).isFalse();
    assertThat(unmanaged.get("right").get("id").asText()).isEqualTo("sg-0999");
    assertThat(missing.has("right")).isFalse();
    assertThat(missing.get("left").get("address").asText()).isEqualTo("aws_vpc.main");
  }

  private static JsonNode find(JsonNode findings, String type) {
    for (JsonNode finding : findings) {
      if (finding.get("type").asText().equals(type)) {
        return finding;
      }
    }
    throw new AssertionError("no " + type + " finding");
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
