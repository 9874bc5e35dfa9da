package dev.cutover.core.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StateReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Path> fixtureStates() throws IOException, URISyntaxException {
    Path root = Path.of(StateReaderTest.class.getResource("/tfstate").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> states =
          files
              .filter(p -> p.toString().endsWith(".tfstate") || p.toString().endsWith(".json"))
              .sorted()
              .toList();
      assertThat(states).hasSizeGreaterThanOrEqualTo(10);
      return states.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureStates")
  void read_realState_countsEveryManagedInstanceByType(Path state) throws IOException {
    List<StateResource> read = new ArrayList<>();
    StateSummary summary = StateReader.read(state, type -> true, read::add);

    Map<String, Integer> expected = countByFullTree(MAPPER.readTree(state.toFile()));
    assertThat(summary.format()).isEqualTo("v4");
    assertThat(summary.managedCounts()).isEqualTo(expected);
    Map<String, Integer> handedOver = new TreeMap<>();
    read.forEach(r -> handedOver.merge(r.type(), 1, Integer::sum));
    assertThat(handedOver).isEqualTo(expected);
  }

  /** An independent count: the whole tree, managed resources only, one per instance. */
  private static Map<String, Integer> countByFullTree(JsonNode root) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode resource : root.get("resources")) {
      if (resource.get("mode").asText().equals("managed")) {
        counts.merge(resource.get("type").asText(), resource.get("instances").size(), Integer::sum);
      }
    }
    return counts;
  }

  @Test
  void read_moduleAndIndexKeys_buildFullAddresses() throws Exception {
    Path state =
        Path.of(getClass().getResource("/tfstate/cycloidio-inframap/aws_state_sg.json").toURI());
    List<StateResource> read = StateReader.readAll(state);

    assertThat(read)
        .extracting(StateResource::address)
        .contains("module.lemp.aws_db_instance.Cpbzf[0]", "module.lemp.aws_lb.tQBgz");
    StateResource db =
        read.stream().filter(r -> r.type().equals("aws_db_instance")).findFirst().orElseThrow();
    assertThat(db.module()).isEqualTo("module.lemp");
    assertThat(db.indexKey()).isEqualTo(0);
  }

  @Test
  void read_dataSources_areSkipped() throws Exception {
    Path state =
        Path.of(
            getClass()
                .getResource(
                    "/tfstate/snyk-driftctl/azurerm_network_security_group/terraform.tfstate")
                .toURI());
    assertThat(StateReader.readAll(state))
        .extracting(StateResource::name)
        .containsExactly("example", "example-1", "example")
        .doesNotContain("raphael-dev");
  }

  @Test
  void read_passwordInRealState_neverReachesAttributes() throws Exception {
    Path state =
        Path.of(
            getClass()
                .getResource("/tfstate/snyk-driftctl/aws_db_instance/terraform.tfstate")
                .toURI());
    assertThat(Files.readString(state)).contains("\"password\": \"foobarbaz\"");

    List<StateResource> read = StateReader.readAll(state);

    assertThat(read).isNotEmpty();
    assertThat(read).allSatisfy(r -> assertThat(r.attributes()).doesNotContainKey("password"));
    assertThat(read.toString()).doesNotContain("foobarbaz");
  }

  @Test
  void read_sensitiveAttributesPaths_areRemoved(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("s.tfstate");
    Files.writeString(
        state,
        """
        {"version": 4, "terraform_version": "1.9.0", "serial": 1, "lineage": "x", "resources": [
          {"mode": "managed", "type": "aws_db_instance", "name": "db", "provider": "p",
           "instances": [{"attributes": {"id": "db-1", "username": "admin",
                                         "endpoint": {"host": "h", "token_value": "t"},
                                         "list": ["a", "hidden"]},
                          "sensitive_attributes": [[{"type": "get_attr", "value": "username"}],
                                                   [{"type": "get_attr", "value": "list"},
                                                    {"type": "index", "value": {"value": 1, "type": "number"}}]]}]}]}
        """);

    StateResource db = StateReader.readAll(state).get(0);

    assertThat(db.attributes()).doesNotContainKey("username");
    assertThat(db.attributes().get("list")).isEqualTo(java.util.Arrays.asList("a", null));
    assertThat(db.string("id")).isEqualTo("db-1");
  }

  @Test
  void read_showJson_walksChildModulesAndDropsSensitiveValues(@TempDir Path dir)
      throws IOException {
    Path state = dir.resolve("show.json");
    Files.writeString(
        state,
        """
        {"format_version": "1.0", "terraform_version": "1.9.0", "values": {"root_module": {
          "resources": [{"address": "aws_vpc.main", "mode": "managed", "type": "aws_vpc",
                         "name": "main", "provider_name": "registry.terraform.io/hashicorp/aws",
                         "values": {"id": "vpc-1"}, "sensitive_values": {}},
                        {"address": "data.aws_region.r", "mode": "data", "type": "aws_region",
                         "name": "r", "values": {}}],
          "child_modules": [{"address": "module.db", "resources": [
             {"address": "module.db.aws_db_instance.this[\\"a\\"]", "mode": "managed",
              "type": "aws_db_instance", "name": "this", "index": "a",
              "values": {"id": "db-1", "username": "root"},
              "sensitive_values": {"username": true}}]}]}}}
        """);

    List<StateResource> read = new ArrayList<>();
    StateSummary summary = StateReader.read(state, t -> true, read::add);

    assertThat(summary.format()).isEqualTo("show-json");
    assertThat(summary.managedCounts())
        .containsOnly(Map.entry("aws_vpc", 1), Map.entry("aws_db_instance", 1));
    StateResource db = read.get(1);
    assertThat(db.address()).isEqualTo("module.db.aws_db_instance.this[\"a\"]");
    assertThat(db.module()).isEqualTo("module.db");
    assertThat(db.indexKey()).isEqualTo("a");
    assertThat(db.attributes()).containsOnlyKeys("id");
  }

  @Test
  void read_filteredTypes_areCountedButNotHandedOver() throws Exception {
    Path state =
        Path.of(getClass().getResource("/tfstate/cycloidio-inframap/aws_state_sg.json").toURI());
    List<StateResource> read = new ArrayList<>();
    StateSummary summary = StateReader.read(state, t -> t.equals("aws_lb"), read::add);
    assertThat(read).extracting(StateResource::type).containsOnly("aws_lb");
    assertThat(summary.managedTotal()).isGreaterThan(read.size());
  }

  @Test
  void read_version3_failsWithUpgradeHint(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("old.tfstate");
    Files.writeString(
        state, "{\"version\": 3, \"terraform_version\": \"0.11.14\", \"modules\": []}");
    assertThatThrownBy(() -> StateReader.readAll(state))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("old.tfstate")
        .hasMessageContaining("state format version 3")
        .satisfies(
            e -> assertThat(((CutoverException) e).suggestion()).contains("terraform >= 0.12"));
  }

  @Test
  void read_malformedJson_namesFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("broken.tfstate");
    Files.writeString(state, "{\"version\": 4,\n \"resources\": [ {\"type\": }");
    assertThatThrownBy(() -> StateReader.readAll(state))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith(state + ": malformed JSON at line 2");
  }

  @Test
  void read_jsonThatIsNotAState_saysSo(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("package.json");
    Files.writeString(file, "{\"name\": \"app\", \"dependencies\": {}}");
    assertThatThrownBy(() -> StateReader.readAll(file))
        .isInstanceOf(CutoverException.class)
        .hasMessage(file + ": not a Terraform state (no 'version' or 'format_version' field)");
  }

  @Test
  void read_missingFile_saysSo(@TempDir Path dir) {
    Path file = dir.resolve("nope.tfstate");
    assertThatThrownBy(() -> StateReader.readAll(file))
        .isInstanceOf(CutoverException.class)
        .hasMessage(file + ": no such state file");
  }

  @Test
  void isSecretAttribute_secretNames_butNotLookalikes() {
    assertThat(
            Stream.of(
                "password",
                "master_password",
                "administrator_login_password",
                "client_secret",
                "primary_access_key",
                "connection_string",
                "private_key",
                "sas_token"))
        .allMatch(StateReader::isSecretAttribute);
    assertThat(Stream.of("kms_key_id", "key_name", "username", "id", "passive", "tags"))
        .noneMatch(StateReader::isSecretAttribute);
  }
}
