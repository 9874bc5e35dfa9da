package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state} and {@code inventory} with the test-only cloud `fixture`: output, progress, --out.
 */
class InventoryCommandTest {

  @TempDir Path tmp;

  private Path snapshotOfFakeState() {
    Path snapshot = tmp.resolve("fixture-state.json");
    CliRun run =
        CliRun.of(
            "state",
            "--state",
            TestFiles.fixture("fixture/terraform.tfstate").toString(),
            "--format",
            "json",
            "--out",
            snapshot.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    return snapshot;
  }

  @Test
  void state_jsonToFile_writesTheResourceListAndNothingOnStdout() throws Exception {
    Path snapshot = snapshotOfFakeState();

    JsonNode document = Json.mapper().readTree(snapshot.toFile());
    assertThat(document.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode network = document.get("resources").get(0);
    assertThat(network.get("kind").asText()).isEqualTo("network");
    assertThat(network.get("id").asText()).isEqualTo("net-1");
    assertThat(network.get("address").asText()).isEqualTo("fixture_network.main");
    assertThat(network.get("cidrs").get(0).asText()).isEqualTo("10.0.0.0/16");
  }

  @Test
  void inventory_json_isASnapshotOfTheLiveCloudAndProgressGoesToStderr() throws Exception {
    Path snapshot = snapshotOfFakeState();

    CliRun run =
        CliRun.of("inventory", "--cloud", "fixture", "--region", snapshot.toString(), "-f", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path written = tmp.resolve("inventory.json");
    Files.writeString(written, run.out());
    assertThat(Json.readSnapshot(written).resources())
        .isEqualTo(Json.readSnapshot(snapshot).resources());
    assertThat(run.err())
        .contains("reading fixture:" + snapshot)
        .contains("read fixture:" + snapshot + ": 1 resources");
    assertThat(FixtureCloudProvider.lastRequest.kinds())
        .containsExactlyInAnyOrder(ResourceKind.values());
    assertThat(FixtureCloudProvider.lastRequest.endpoint()).isNull();
  }

  @Test
  void inventory_quiet_printsNothingButTheResult() {
    Path snapshot = snapshotOfFakeState();

    CliRun run =
        CliRun.of("inventory", "--cloud", "fixture", "--region", snapshot.toString(), "-q");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("network", "fixture_network.main", "10.0.0.0/16");
  }

  @Test
  void inventory_quietBeforeTheCommand_isHonouredToo() {
    Path snapshot = snapshotOfFakeState();

    CliRun run =
        CliRun.of("-q", "inventory", "--cloud", "fixture", "--region", snapshot.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
  }
}
