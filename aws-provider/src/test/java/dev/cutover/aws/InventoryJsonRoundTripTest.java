package dev.cutover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mapped inventory written as a snapshot and read back gives the same resources. */
class InventoryJsonRoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tfstate/snyk-driftctl/aws_lb_listener/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_vpc_security_group/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_db_instance/terraform.tfstate",
        "tfstate/snyk-driftctl/aws_route53_record/terraform.tfstate",
        "tfstate/cycloidio-inframap/aws_state_sg.json"
      })
  void snapshot_writeThenRead_givesEqualResources(String file, @TempDir Path dir)
      throws IOException {
    Inventory mapped = Fixtures.state(file);
    Path snapshot = dir.resolve("snapshot.json");
    Files.writeString(snapshot, Json.writeInventory(mapped));

    Inventory read = Json.readSnapshot(snapshot);

    assertThat(read.resources()).isNotEmpty().isEqualTo(mapped.resources());
  }
}
