package dev.cutover.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InventorySpecTest {

  @Test
  void parse_state_keepsRelativePath() {
    InventorySpec spec = InventorySpec.parse("--source", "state:envs/aws/terraform.tfstate");

    assertThat(spec.type()).isEqualTo(InventorySpec.Type.STATE);
    assertThat(spec.path()).isEqualTo(Path.of("envs/aws/terraform.tfstate"));
    assertThat(spec).hasToString("state:envs/aws/terraform.tfstate");
  }

  @Test
  void parse_snapshotWithBase_resolvesAgainstIt() {
    InventorySpec spec =
        InventorySpec.parse("x", "snapshot:../snap.json", Path.of("/envs/staging"));

    assertThat(spec.type()).isEqualTo(InventorySpec.Type.SNAPSHOT);
    assertThat(spec.path()).isEqualTo(Path.of("/envs/snap.json"));
  }

  @Test
  void parse_azureWithResourceGroup_isLiveWithTheWholeLocation() {
    InventorySpec spec = InventorySpec.parse("--target", "azure:6f1c2e3d/rg-staging");

    assertThat(spec.type()).isEqualTo(InventorySpec.Type.LIVE);
    assertThat(spec.cloud()).isEqualTo("azure");
    assertThat(spec.location()).isEqualTo("6f1c2e3d/rg-staging");
    assertThat(spec).hasToString("azure:6f1c2e3d/rg-staging");
  }

  @Test
  void parse_unknownCloudId_isStillLive_theProviderLookupRefusesIt() {
    assertThat(InventorySpec.parse("--live", "gcp:europe-west1").cloud()).isEqualTo("gcp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "aws",
        "aws-us-east-1",
        ":x",
        "state:",
        "snapshot:  ",
        "AWS:us-east-1",
        "a b:c"
      })
  void parse_malformed_namesTheOptionAndTheForms(String text) {
    assertThatThrownBy(() -> InventorySpec.parse("--source", text))
        .isInstanceOf(CutoverException.class)
        .hasMessageStartingWith("--source '" + text.trim() + "': expected ")
        .hasMessageEndingWith(InventorySpec.FORMS);
  }

  @Test
  void requireLive_onAFile_saysACloudIsExpected() {
    assertThatThrownBy(() -> InventorySpec.state(Path.of("a.tfstate")).requireLive("--live"))
        .isInstanceOf(CutoverException.class)
        .hasMessage(
            "--live 'state:a.tfstate': expected a live cloud, aws:REGION or azure:SUB[/RG]");
  }
}
