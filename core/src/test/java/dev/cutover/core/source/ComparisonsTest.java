package dev.cutover.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Comparison;
import dev.cutover.core.compare.Report;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.Providers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonsTest {

  @TempDir Path tmp;

  private final RecordingProvider aws =
      new RecordingProvider(
          "aws", List.of(RecordingProvider.network("aws", "vpc-a7cfb4c0", "10.0.0.0/16")));
  private final RecordingProvider azure = new RecordingProvider("azure", List.of());
  private final Comparisons comparisons =
      new Comparisons(new InventorySources(Providers.of(aws, azure), Endpoints.none(), null));

  private static Path fixture(String name) throws Exception {
    return Path.of(ComparisonsTest.class.getResource("/tfstate/" + name).toURI());
  }

  @Test
  void drift_stateWithoutResourcesOfTheLiveCloud_refusesBeforeScanning() throws Exception {
    Path state = fixture("snyk-driftctl/aws_vpc/terraform.tfstate");

    assertThatThrownBy(
            () -> comparisons.drift(InventorySpec.state(state), InventorySpec.live("azure", "sub")))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            state
                + ": holds no azure resources of a supported type, so there is nothing to compare with azure:sub");
    assertThat(azure.requests).isEmpty();
  }

  @Test
  void drift_liveThatIsAFile_isRefused() throws Exception {
    Path state = fixture("snyk-driftctl/aws_vpc/terraform.tfstate");

    assertThatThrownBy(
            () -> comparisons.drift(InventorySpec.state(state), InventorySpec.state(state)))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith("--live 'state:");
  }

  @Test
  void drift_scansOnlyTheKindsTheStateHolds() throws Exception {
    Path state = fixture("snyk-driftctl/aws_vpc/terraform.tfstate");

    Report report =
        comparisons.drift(InventorySpec.state(state), InventorySpec.live("aws", "us-east-1"));

    assertThat(report.comparison()).isEqualTo(Comparison.DRIFT);
    assertThat(aws.requests)
        .singleElement()
        .satisfies(r -> assertThat(r.kinds()).containsExactly(ResourceKind.NETWORK));
  }

  @Test
  void driftOfEnvironment_coversEverySideWithStateAndLive() throws Exception {
    Files.copy(fixture("snyk-driftctl/aws_vpc/terraform.tfstate"), tmp.resolve("aws.tfstate"));
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: aws:us-east-1\n  state: aws.tfstate\ntarget:\n  live: azure:sub/rg\n");

    Report report = comparisons.drift(EnvironmentConfig.load(tmp));

    assertThat(report.left()).isEqualTo("state:" + tmp.resolve("aws.tfstate"));
    assertThat(aws.requests).hasSize(1);
    assertThat(azure.requests).isEmpty();
  }

  @Test
  void driftOfEnvironment_liveThatNamesAFile_namesTheFieldNotAFlag() throws Exception {
    Files.copy(fixture("snyk-driftctl/aws_vpc/terraform.tfstate"), tmp.resolve("aws.tfstate"));
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: snapshot:aws.json\n  state: aws.tfstate\ntarget:\n  state: aws.tfstate\n");

    assertThatThrownBy(() -> comparisons.drift(EnvironmentConfig.load(tmp)))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            tmp.resolve("cutover.yaml")
                + " source.live 'snapshot:"
                + tmp.resolve("aws.json")
                + "': expected a live cloud, aws:REGION or azure:SUB[/RG]");
    assertThat(aws.requests).isEmpty();
  }

  @Test
  void parityOfEnvironment_snapshotInLive_isRelativeToCutoverYaml() throws Exception {
    Path snapshot = tmp.resolve("snapshots/aws.json");
    Files.createDirectories(snapshot.getParent());
    Files.writeString(
        snapshot,
        Json.writeInventory(
            new Inventory(
                "aws:us-east-1",
                List.of(RecordingProvider.network("aws", "vpc-1", "10.0.0.0/16")))));
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: snapshot:snapshots/aws.json\ntarget:\n  live: azure:sub/rg\n");

    Report report = comparisons.parity(EnvironmentConfig.load(tmp));

    assertThat(report.left()).isEqualTo("snapshot:" + snapshot);
    assertThat(aws.requests).isEmpty();
  }

  @Test
  void parityOfEnvironment_prefersLiveOverState() throws Exception {
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: aws:us-east-1\n  state: missing.tfstate\ntarget:\n  live: azure:sub/rg\n");

    Report report = comparisons.parity(EnvironmentConfig.load(tmp));

    assertThat(report.comparison()).isEqualTo(Comparison.PARITY);
    assertThat(aws.requests).hasSize(1);
    assertThat(azure.requests)
        .singleElement()
        .satisfies(r -> assertThat(r.location()).isEqualTo("sub/rg"));
  }

  @Test
  void parity_liveSideThroughLoopback_isMarkedSandbox_otherwiseNot() throws Exception {
    Path snapshot = tmp.resolve("azure.json");
    Files.writeString(snapshot, Json.writeInventory(new Inventory("azure", List.of())));
    InventorySpec live = InventorySpec.parse("--source", "aws:us-east-1");
    InventorySpec file = InventorySpec.parse("--target", "snapshot:" + snapshot);
    Comparisons sandbox =
        new Comparisons(
            new InventorySources(
                Providers.of(aws, azure),
                Endpoints.none().with("aws", java.net.URI.create("http://127.0.0.1:8443")),
                null));
    Comparisons real =
        new Comparisons(
            new InventorySources(
                Providers.of(aws, azure),
                Endpoints.none().with("aws", java.net.URI.create("https://ec2.example.com")),
                null));

    assertThat(
            sandbox.parity(live, file, dev.cutover.core.compare.Pairing.byTagAndName()).sandbox())
        .isTrue();
    assertThat(
            Json.write(sandbox.parity(live, file, dev.cutover.core.compare.Pairing.byTagAndName())))
        .contains("\"sandbox\": true");
    assertThat(real.parity(live, file, dev.cutover.core.compare.Pairing.byTagAndName()).sandbox())
        .isFalse();
    assertThat(Json.write(real.parity(live, file, dev.cutover.core.compare.Pairing.byTagAndName())))
        .doesNotContain("sandbox");
  }

  @Test
  void parityOfEnvironment_sideWithNeitherLiveNorState_namesTheFile() throws Exception {
    Files.writeString(tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\n");

    assertThatThrownBy(() -> comparisons.parity(EnvironmentConfig.load(tmp)))
        .isInstanceOf(CutoverException.class)
        .hasMessage(tmp.resolve("cutover.yaml") + ": 'target:' needs 'live:' or 'state:'");
  }

  @Test
  void parityOfEnvironment_malformedLive_namesTheField() throws Exception {
    Files.writeString(
        tmp.resolve("cutover.yaml"), "source:\n  live: aws-us-east-1\ntarget:\n  live: azure:s\n");

    assertThatThrownBy(() -> comparisons.parity(EnvironmentConfig.load(tmp)))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith(
            tmp.resolve("cutover.yaml") + " source.live 'aws-us-east-1': expected");
  }
}
