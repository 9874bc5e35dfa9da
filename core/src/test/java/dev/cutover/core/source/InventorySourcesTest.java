package dev.cutover.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.Providers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventorySourcesTest {

  private static final URI SANDBOX = URI.create("http://127.0.0.1:4566");

  @TempDir Path tmp;

  private final RecordingProvider aws =
      new RecordingProvider(
          "aws", List.of(RecordingProvider.network("aws", "vpc-1", "10.0.0.0/16")));
  private final List<String> progress = new ArrayList<>();
  private final InventorySources sources =
      new InventorySources(
          Providers.of(aws),
          Endpoints.none().with("aws", SANDBOX),
          (phase, done, total) -> progress.add(phase));

  private static Path fixture(String name) throws Exception {
    return Path.of(InventorySourcesTest.class.getResource("/tfstate/" + name).toURI());
  }

  @Test
  void load_live_asksTheProviderWithItsEndpointAndKinds() {
    Inventory inventory =
        sources.load(InventorySpec.live("aws", "us-east-1"), Set.of(ResourceKind.NETWORK));

    assertThat(inventory.resources()).extracting(r -> r.meta().id()).containsExactly("vpc-1");
    assertThat(aws.requests)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.location()).isEqualTo("us-east-1");
              assertThat(request.endpoint()).isEqualTo(SANDBOX);
              assertThat(request.kinds()).containsExactly(ResourceKind.NETWORK);
            });
    assertThat(progress)
        .containsExactly("reading aws:us-east-1", "read aws:us-east-1: 1 resources");
  }

  @Test
  void load_liveWithoutKinds_asksForEveryKind() {
    sources.load(InventorySpec.live("aws", "us-east-1"));

    assertThat(aws.requests.get(0).kinds()).containsExactlyInAnyOrder(ResourceKind.values());
  }

  @Test
  void load_state_mapsThroughTheProvidersStateMapper() throws Exception {
    Inventory inventory =
        sources.load(InventorySpec.state(fixture("snyk-driftctl/aws_vpc/terraform.tfstate")));

    assertThat(inventory.ofType(Network.class).toList())
        .extracting(n -> n.meta().address())
        .containsExactly("aws_vpc.vpc");
    assertThat(aws.requests).isEmpty();
  }

  @Test
  void load_snapshot_readsWhatInventoryJsonWrote() throws Exception {
    Inventory written = sources.load(InventorySpec.live("aws", "us-east-1"));
    Path snapshot = tmp.resolve("aws.json");
    Files.writeString(snapshot, Json.writeInventory(written));

    Inventory read = sources.load(InventorySpec.snapshot(snapshot));

    assertThat(read.resources()).isEqualTo(written.resources());
    assertThat(read.source()).isEqualTo("snapshot:" + snapshot);
  }

  @Test
  void load_unknownCloud_listsTheKnownOnes() {
    assertThatThrownBy(() -> sources.load(InventorySpec.live("gcp", "x")))
        .isInstanceOf(CutoverException.class)
        .hasMessage("unknown cloud 'gcp'; known clouds: aws");
  }

  @Test
  void endpoints_nullRemovesAnOverride() {
    Endpoints endpoints = Endpoints.none().with("aws", SANDBOX).with("aws", null);

    assertThat(endpoints.forCloud("aws")).isNull();
    assertThat(endpoints.byCloud()).isEmpty();
  }
}
