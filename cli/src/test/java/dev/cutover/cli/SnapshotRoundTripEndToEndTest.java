package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inventory --format json} writes a snapshot that {@code parity --source snapshot:...} reads
 * back (with the test-only cloud `fixture`, so only the compare engine is needed; the staging round
 * trip through the real providers is in {@link StagingDemoEndToEndTest}).
 */
class SnapshotRoundTripEndToEndTest {

  @TempDir Path tmp;

  @Test
  void parity_snapshotAgainstItself_hasNothingAboveInfoAndExitsZero() throws Exception {
    Path state = tmp.resolve("state.json");
    assertThat(
            CliRun.of(
                    "state",
                    "--state",
                    TestFiles.fixture("fixture/terraform.tfstate").toString(),
                    "-f",
                    "json",
                    "-o",
                    state.toString())
                .exitCode())
        .isZero();
    Path snapshot = tmp.resolve("inventory.json");
    CliRun inventory =
        CliRun.of(
            "inventory",
            "--cloud",
            "fixture",
            "--region",
            state.toString(),
            "-f",
            "json",
            "-o",
            snapshot.toString());
    assertThat(inventory.exitCode()).as(inventory.toString()).isZero();

    CliRun run =
        CliRun.of(
            "parity",
            "--source",
            "snapshot:" + snapshot,
            "--target",
            "snapshot:" + snapshot,
            "-f",
            "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode report = Json.mapper().readTree(run.out());
    assertThat(report.get("comparison").asText()).isEqualTo("parity");
    // A network compared with itself overlaps itself: that note (info) is all there may be.
    assertThat(report.get("findings"))
        .allSatisfy(f -> assertThat(f.get("severity").asText()).isEqualTo("info"));
    for (String severity : new String[] {"high", "medium", "low"}) {
      assertThat(report.get("summary").get(severity).asInt()).as(severity).isZero();
    }
  }
}
