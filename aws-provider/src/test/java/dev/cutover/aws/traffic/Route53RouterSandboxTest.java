package dev.cutover.aws.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.aws.AwsClients;
import dev.cutover.core.traffic.ChangeReceipt;
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
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** The router against the stateful sandbox: a switch step and its rollback, end to end. */
class Route53RouterSandboxTest {

  private static final RecordRef RECORD =
      RecordRef.parse(
          "route53:Z1PA6795/www.denominator.io/CNAME", "MyService-East", "MyService-West");

  private Sandbox sandbox;
  private AwsClients clients;
  private Route53Router router;

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("mappings"));
    Files.createDirectories(dir.resolve("__files"));
    Files.writeString(
        dir.resolve("__files/zone.xml"),
        Route53RouterTest.resource("list_weighted_health_alias.xml"));
    Files.writeString(
        dir.resolve("mappings/zone.json"),
        """
        {"request": {"method": "ANY", "urlPathPattern": "/2013-04-01/hostedzone/Z1PA6795/rrset/?"},
         "response": {"status": 200, "bodyFileName": "zone.xml",
                      "transformers": ["route53-rrset"],
                      "transformerParameters": {"insyncDelay": "600ms"}}}
        """);
    Files.writeString(
        dir.resolve("mappings/change.json"),
        """
        {"request": {"method": "GET", "urlPathPattern": "/2013-04-01/change/[^/]+"},
         "response": {"status": 200, "transformers": ["route53-change"]}}
        """);
    sandbox = Sandbox.start(dir, 0);
    clients = new AwsClients("us-east-1", sandbox.endpoint());
    router =
        new Route53Router(
            clients,
            new Route53Router.Settings(
                3,
                Duration.ofSeconds(2),
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofMillis(50),
                Duration.ofMillis(200)));
  }

  @AfterEach
  void stop() {
    clients.close();
    sandbox.close();
  }

  @Test
  void stepThenRollback_eachIsLiveAfterInsyncAndKeepsTheRecordData() {
    WeightSnapshot before = router.read(RECORD);
    long start = System.nanoTime();

    ChangeReceipt step = router.write(RECORD, Route53RouterTest.weights(95, 5));
    WeightSnapshot live = router.awaitLive(RECORD, step, Duration.ofSeconds(10));

    assertThat(step.status()).isEqualTo("PENDING");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(live.sameWeights(Route53RouterTest.weights(95, 5))).isTrue();
    List<ResourceRecordSet> sets =
        clients
            .route53()
            .listResourceRecordSets(
                b -> b.hostedZoneId("Z1PA6795").startRecordName("www.denominator.io"))
            .resourceRecordSets();
    assertThat(sets.get(0).healthCheckId()).isEqualTo("abcdef11-2222-3333-4444-555555fedcba");
    assertThat(sets.get(0).ttl()).isEqualTo(300);
    assertThat(sets.get(1).aliasTarget().dnsName()).isEqualTo("www2.denominator.io.");

    ChangeReceipt rollback = router.write(RECORD, before);
    WeightSnapshot restored = router.awaitLive(RECORD, rollback, Duration.ofSeconds(10));

    assertThat(rollback.changeId()).isNotEqualTo(step.changeId());
    assertThat(restored.sameWeights(before)).isTrue();
  }
}
