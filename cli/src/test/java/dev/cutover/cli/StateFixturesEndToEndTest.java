package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cutover state} reads every real state in {@code fixtures/tfstate/} and the two staging
 * states, and for every supported top-level Terraform type the output has as many resources of that
 * kind and native type as the file has instances (record sets: one per zone, name and type;
 * separate rule, listener and target-group resources merge into their group or load balancer).
 * Needs the real AWS and Azure providers.
 */
class StateFixturesEndToEndTest {

  /** Supported Terraform types that become resources of their own, with their kind. */
  private static final Map<String, String> KIND_OF_TYPE =
      Map.ofEntries(
          Map.entry("aws_vpc", "network"),
          Map.entry("aws_subnet", "subnet"),
          Map.entry("aws_security_group", "firewall"),
          Map.entry("aws_default_security_group", "firewall"),
          Map.entry("aws_lb", "load_balancer"),
          Map.entry("aws_alb", "load_balancer"),
          Map.entry("aws_db_instance", "database"),
          Map.entry("aws_rds_cluster", "database"),
          Map.entry("aws_route53_record", "dns_record_set"),
          Map.entry("azurerm_virtual_network", "network"),
          Map.entry("azurerm_subnet", "subnet"),
          Map.entry("azurerm_network_security_group", "firewall"),
          Map.entry("azurerm_application_gateway", "load_balancer"),
          Map.entry("azurerm_lb", "load_balancer"),
          Map.entry("azurerm_postgresql_flexible_server", "database"),
          Map.entry("azurerm_mssql_database", "database"),
          Map.entry("azurerm_traffic_manager_profile", "dns_record_set"),
          Map.entry("azurerm_dns_a_record", "dns_record_set"),
          Map.entry("azurerm_dns_cname_record", "dns_record_set"));

  static Stream<Path> states() throws IOException, URISyntaxException {
    Path root = TestFiles.fixture("tfstate");
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> fixtures =
          files
              .filter(p -> p.toString().endsWith(".tfstate") || p.toString().endsWith(".json"))
              .sorted()
              .toList();
      assertThat(fixtures).hasSize(10);
      return Stream.concat(
          fixtures.stream(),
          Stream.of(
              TestFiles.environment("staging").resolve("aws/terraform.tfstate"),
              TestFiles.environment("staging").resolve("azure/terraform.tfstate")));
    }
  }

  @ParameterizedTest
  @MethodSource("states")
  void state_json_hasOneResourcePerSupportedInstance(Path state) throws IOException {
    Map<String, Integer> expected = expectedCounts(Json.mapper().readTree(state.toFile()));
    CliRun run = CliRun.of("state", "--state", state.toString(), "--format", "json", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    Map<String, Integer> actual = new TreeMap<>();
    for (JsonNode resource : Json.mapper().readTree(run.out()).get("resources")) {
      String type = resource.path("nativeType").asText();
      if (KIND_OF_TYPE.containsKey(type)
          && KIND_OF_TYPE.get(type).equals(resource.get("kind").asText())) {
        actual.merge(type, 1, Integer::sum);
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** Counted from the file itself: instances per supported type, record sets per name and type. */
  private static Map<String, Integer> expectedCounts(JsonNode state) {
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> recordSets = new HashSet<>();
    for (JsonNode resource : state.get("resources")) {
      String type = resource.get("type").asText();
      if (!resource.get("mode").asText().equals("managed") || !KIND_OF_TYPE.containsKey(type)) {
        continue;
      }
      for (JsonNode instance : resource.get("instances")) {
        JsonNode attributes = instance.get("attributes");
        if (type.equals("aws_route53_record")) {
          String name = attributes.path("fqdn").asText(attributes.path("name").asText());
          if (recordSets.add(
              attributes.get("zone_id").asText()
                  + "/"
                  + name.toLowerCase(Locale.ROOT)
                  + "/"
                  + attributes.get("type").asText())) {
            counts.merge(type, 1, Integer::sum);
          }
        } else {
          counts.merge(type, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void state_stagingStates_neverPrintTheirPasswords() throws IOException {
    for (String side : List.of("aws", "azure")) {
      Path state = TestFiles.environment("staging").resolve(side + "/terraform.tfstate");
      String text = Files.readString(state);
      for (String format : List.of("json", "table")) {
        CliRun run = CliRun.of("state", "--state", state.toString(), "--format", format, "--debug");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isNotBlank();
        assertThat(StagingSecrets.in(text))
            .isNotEmpty()
            .allSatisfy(secret -> assertThat(run.out() + run.err()).doesNotContain(secret));
      }
    }
  }
}
