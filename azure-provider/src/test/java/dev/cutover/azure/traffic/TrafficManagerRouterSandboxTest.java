package dev.cutover.azure.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.azure.AzureClients;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router against the stateful sandbox: a switch to 100 % green and its rollback. */
class TrafficManagerRouterSandboxTest {

  private static final String BLUE = "My external endpoint";
  private static final String GREEN = "MyFirstNestedEndpoint";
  private static final RecordRef RECORD =
      RecordRef.parse(
          "trafficmanager:00000000-1111-2222-3333-444444444444/rg-staging/azuresdkfornetautoresttrafficmanager3880",
          BLUE,
          GREEN);

  private Sandbox sandbox;
  private TrafficManagerRouter router;

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("__files"));
    Files.writeString(
        dir.resolve("__files/profile.json"),
        TrafficManagerRouterTest.example("Profile-GET-Weighted.json").toString());
    Files.writeString(
        dir.resolve("mappings/profile.json"),
        """
        {"request": {"method": "ANY",
                     "urlPathPattern": "(?i)/subscriptions/[^/]+/resourceGroups/rg-staging/providers/Microsoft\\\\.Network/trafficmanagerprofiles/azuresdkfornetautoresttrafficmanager3880(/[^/]+/[^/]+)?"},
         "response": {"status": 200, "bodyFileName": "profile.json",
                      "transformers": ["trafficmanager-profile"]}}
        """);
    sandbox = Sandbox.start(dir, 0);
    router =
        new TrafficManagerRouter(
            new AzureClients(
                "00000000-1111-2222-3333-444444444444",
                sandbox.endpoint(),
                Duration.ofSeconds(2),
                Duration.ofMillis(20)),
            new TrafficManagerRouter.Settings(Duration.ofMillis(20), Duration.ofMillis(100)));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void allToGreenThenRollback_eachIsReadBack() {
    WeightSnapshot before = router.read(RECORD);
    WeightSnapshot green =
        new WeightSnapshot(
            List.of(
                TrafficManagerRouter.SCALE.member(BLUE, 0),
                TrafficManagerRouter.SCALE.member(GREEN, 10000)),
            0);

    ChangeReceipt step = router.write(RECORD, green);
    WeightSnapshot live = router.awaitLive(RECORD, step, Duration.ofSeconds(5));

    assertThat(live.members())
        .containsExactly(new MemberWeight(BLUE, 1, false), new MemberWeight(GREEN, 1000, true));
    assertThat(live.shareBasisPoints(GREEN)).isEqualTo(10000);

    ChangeReceipt rollback = router.write(RECORD, before);
    WeightSnapshot restored = router.awaitLive(RECORD, rollback, Duration.ofSeconds(5));

    assertThat(restored.sameWeights(before)).isTrue();
    assertThat(router.read(RECORD).sameWeights(before)).isTrue();
  }
}
