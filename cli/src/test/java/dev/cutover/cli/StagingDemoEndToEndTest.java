package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import dev.cutover.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo: {@code parity} and {@code drift} of {@code environments/staging} against its
 * embedded sandbox find exactly the deliberate differences of {@code
 * environments/staging/README.md} (rule ids and resources) and nothing else, exit 2, and never
 * print a password of the states. Needs the real providers and the compare engine.
 */
class StagingDemoEndToEndTest {

  private static final Path STAGING = TestFiles.environment("staging");
  private static final String RG =
      "/subscriptions/6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f/resourceGroups/rg-staging/providers/";
  private static final String SECURITY_GROUP = "sg-0d2c4b6a8e1f3a5c7";

  @TempDir Path tmp;

  /**
   * The findings of a JSON report that block or warn (severity high, medium or low), each reduced
   * to what the README lists: rule, left id, right id (ids lower case).
   */
  private static List<String> findings(CliRun run) throws IOException {
    return findings(run, false);
  }

  /** The informational findings (severity info), reduced in the same way. */
  private static List<String> notes(CliRun run) throws IOException {
    return findings(run, true);
  }

  private static List<String> findings(CliRun run, boolean info) throws IOException {
    List<String> found = new ArrayList<>();
    for (JsonNode finding : Json.mapper().readTree(run.out()).get("findings")) {
      if (finding.get("severity").asText().equals("info") != info) {
        continue;
      }
      found.add(
          finding.get("rule").asText()
              + " "
              + finding.path("left").path("id").asText("-").toLowerCase(Locale.ROOT)
              + " -> "
              + finding.path("right").path("id").asText("-").toLowerCase(Locale.ROOT));
    }
    return found;
  }

  private static final List<String> PARITY =
      List.of(
          "firewall.flow "
              + SECURITY_GROUP
              + " -> "
              + (RG + "Microsoft.Network/networkSecurityGroups/nsg-staging-app")
                  .toLowerCase(Locale.ROOT),
          "lb.health-probe arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/staging-web/5f2a9c1e7b3d4a60 -> "
              + (RG + "Microsoft.Network/applicationGateways/agw-staging-web")
                  .toLowerCase(Locale.ROOT),
          "db.backup-retention arn:aws:rds:us-east-1:111122223333:db:staging-db -> "
              + (RG + "Microsoft.DBforPostgreSQL/flexibleServers/psql-staging-db")
                  .toLowerCase(Locale.ROOT),
          "dns.ttl z0762351w6hb5yavdq1e/app.staging.example.org/cname -> "
              + (RG + "Microsoft.Network/trafficManagerProfiles/tm-staging-app")
                  .toLowerCase(Locale.ROOT));

  @Test
  void parity_staging_findsExactlyTheFourDeliberateDifferences() throws IOException {
    CliRun run = CliRun.of("parity", "--env", STAGING.toString(), "--sandbox", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(findings(run)).as(run.out()).containsExactlyInAnyOrderElementsOf(PARITY);
    assertThat(notes(run)).as(run.out()).isEmpty();
    assertThat(run.out()).contains("8080", "/healthz");
    assertThat(run.err()).contains("sandbox: using the embedded sandbox at http://127.0.0.1:");
    assertNoSecrets(run);
  }

  @Test
  void drift_staging_findsOnlyTheSshRuleOpenedByHand() throws IOException {
    CliRun run = CliRun.of("drift", "--env", STAGING.toString(), "--sandbox", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(findings(run))
        .as(run.out())
        .containsExactly("firewall.flow " + SECURITY_GROUP + " -> " + SECURITY_GROUP);
    assertThat(notes(run)).as(run.out()).isEmpty();
    JsonNode finding = Json.mapper().readTree(run.out()).get("findings").get(0);
    assertThat(finding.get("type").asText()).isEqualTo("changed");
    assertThat(finding.get("severity").asText()).isEqualTo("high");
    assertThat(finding.toString()).contains("22", "0.0.0.0/0");
    assertNoSecrets(run);
  }

  @Test
  void parityAndDrift_table_nameTheRulesAndExitTwo() {
    CliRun parity = CliRun.of("parity", "--env", STAGING.toString(), "--sandbox");
    CliRun drift = CliRun.of("drift", "--env", STAGING.toString(), "--sandbox", "--quiet");

    assertThat(parity.exitCode()).as(parity.toString()).isEqualTo(2);
    assertThat(parity.out())
        .contains("firewall.flow", "lb.health-probe", "db.backup-retention", "dns.ttl");
    assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("firewall.flow");
    assertThat(drift.err())
        .startsWith("sandbox: using the embedded sandbox")
        .doesNotContain("reading ");
    assertNoSecrets(parity);
    assertNoSecrets(drift);
  }

  @Test
  void parity_ofInventorySnapshots_findsWhatLiveParityFinds() throws IOException {
    Path aws = tmp.resolve("aws.json");
    Path azure = tmp.resolve("azure.json");
    try (Sandbox sandbox = Sandbox.start(STAGING.resolve("sandbox"), 0)) {
      String endpoint = sandbox.endpoint().toString();
      CliRun awsRun =
          CliRun.of(
              "inventory",
              "--cloud",
              "aws",
              "--region",
              "us-east-1",
              "--aws-endpoint",
              endpoint,
              "-f",
              "json",
              "-o",
              aws.toString());
      CliRun azureRun =
          CliRun.of(
              "inventory",
              "--cloud",
              "azure",
              "--subscription",
              "6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f",
              "--resource-group",
              "rg-staging",
              "--azure-endpoint",
              endpoint,
              "-f",
              "json",
              "-o",
              azure.toString());
      assertThat(awsRun.exitCode()).as(awsRun.toString()).isZero();
      assertThat(azureRun.exitCode()).as(azureRun.toString()).isZero();
    }
    assertThat(Json.readSnapshot(aws).resources()).hasSize(9);
    assertThat(Json.readSnapshot(azure).resources()).hasSize(9);
    for (Path snapshot : List.of(aws, azure)) {
      String text = Files.readString(snapshot);
      for (String side : List.of("aws", "azure")) {
        assertThat(
                StagingSecrets.in(Files.readString(STAGING.resolve(side + "/terraform.tfstate"))))
            .noneMatch(text::contains);
      }
    }

    CliRun run =
        CliRun.of(
            "parity",
            "--source",
            "snapshot:" + aws,
            "--target",
            "snapshot:" + azure,
            "--pair",
            "staging=vnet-staging",
            "--pair",
            "staging-app=nsg-staging-app",
            "--pair",
            "staging-web=agw-staging-web",
            "--pair",
            "staging-db=psql-staging-db",
            "--pair",
            "Z0762351W6HB5YAVDQ1E/app.staging.example.org/CNAME=tm-staging-app",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(findings(run)).containsExactlyInAnyOrderElementsOf(PARITY);
    // Without the environment's policy, its ignored note shows: the mirrored address space.
    assertThat(notes(run))
        .containsExactly(
            "network.overlap vpc-0b3f6c2d9e8a71f45 -> "
                + (RG + "Microsoft.Network/virtualNetworks/vnet-staging").toLowerCase(Locale.ROOT));
  }

  private static void assertNoSecrets(CliRun run) {
    for (String side : List.of("aws", "azure")) {
      try {
        List<String> secrets =
            StagingSecrets.in(Files.readString(STAGING.resolve(side + "/terraform.tfstate")));
        assertThat(secrets).isNotEmpty();
        assertThat(secrets).noneMatch(s -> (run.out() + run.err()).contains(s));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
