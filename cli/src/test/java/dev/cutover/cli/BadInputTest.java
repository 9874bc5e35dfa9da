package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends as one {@code error:} line on stderr and exit code 1, with no stack trace and
 * nothing on stdout, whatever the command. (Cloud errors: {@link CloudErrorsEndToEndTest}.)
 */
class BadInputTest {

  @TempDir Path tmp;

  @Test
  void state_malformedJson_namesFileAndLine() {
    Path file = TestFiles.fixture("bad/truncated.tfstate");
    CliRun.of("state", "--state", file.toString()).assertFailsWithOneLine(file.toString(), "line");
  }

  @Test
  void state_version3_asksForTerraform012Upgrade() {
    Path file = TestFiles.fixture("bad/v3-simple.tfstate");
    CliRun run = CliRun.of("state", "--state", file.toString()).assertFailsWithOneLine("version 3");
    assertThat(run.err()).containsIgnoringCase("0.12");
  }

  @Test
  void state_jsonThatIsNoState_saysSo() {
    Path file = TestFiles.fixture("bad/not-a-state.json");
    CliRun.of("state", "--state", file.toString()).assertFailsWithOneLine(file.toString(), "state");
  }

  @Test
  void state_missingFile_namesIt() {
    Path file = tmp.resolve("nope.tfstate");
    CliRun.of("state", "--state", file.toString())
        .assertFailsWithOneLine(file.toString(), "no such");
  }

  @Test
  void drift_malformedStateFile_failsBeforeAnyScan() {
    FixtureCloudProvider.lastRequest = null;
    Path file = TestFiles.fixture("bad/truncated.tfstate");
    CliRun.of("drift", "--state", file.toString(), "--live", "fixture:" + tmp)
        .assertFailsWithOneLine(file.toString());
    assertThat(FixtureCloudProvider.lastRequest).isNull();
  }

  @Test
  void drift_v3State_failsWithUpgradeHint() {
    Path file = TestFiles.fixture("bad/v3-simple.tfstate");
    CliRun.of("drift", "--state", file.toString(), "--live", "fixture:" + tmp)
        .assertFailsWithOneLine("version 3");
  }

  @Test
  void drift_unknownCloud_listsKnownClouds() {
    Path file = TestFiles.fixture("fixture/terraform.tfstate");
    CliRun.of("drift", "--state", file.toString(), "--live", "gcp:x")
        .assertFailsWithOneLine("unknown cloud 'gcp'", "fixture");
  }

  @Test
  void drift_liveIsAFile_expectsACloud() {
    Path file = TestFiles.fixture("fixture/terraform.tfstate");
    CliRun.of("drift", "--state", file.toString(), "--live", "state:" + file)
        .assertFailsWithOneLine("--live", "aws:REGION");
  }

  @Test
  void drift_stateWithoutResourcesOfThatCloud_saysNothingToCompare() {
    Path file = TestFiles.fixture("tfstate/snyk-driftctl/aws_vpc/terraform.tfstate");
    CliRun.of("drift", "--state", file.toString(), "--live", "fixture:" + tmp)
        .assertFailsWithOneLine("no fixture resources");
  }

  @Test
  void parity_malformedSpec_listsTheForms() {
    CliRun.of("parity", "--source", "aws-us-east-1", "--target", "azure:sub")
        .assertFailsWithOneLine(
            "--source 'aws-us-east-1'", "state:PATH, snapshot:PATH, aws:REGION or azure:SUB[/RG]");
  }

  @Test
  void parity_emptySpecPath_isMalformed() {
    CliRun.of("parity", "--source", "snapshot:", "--target", "azure:sub")
        .assertFailsWithOneLine("--source");
  }

  @Test
  void parity_snapshotThatIsAState_saysItIsNoSnapshot() {
    Path state = TestFiles.fixture("fixture/terraform.tfstate");
    CliRun.of("parity", "--source", "snapshot:" + state, "--target", "snapshot:" + state)
        .assertFailsWithOneLine("not a cutover snapshot");
  }

  @Test
  void unknownFlag_exitsOneNotPicocliTwo() {
    CliRun.of("drift", "--bogus").assertFailsWithOneLine("Unknown option: '--bogus'");
  }

  @Test
  void missingCommand_isAUsageError() {
    CliRun.of().assertFailsWithOneLine("a command is required");
  }

  @Test
  void drift_withoutSides_saysWhatItNeeds() {
    CliRun.of("drift", "--state", "x.tfstate").assertFailsWithOneLine("--live SPEC", "--env DIR");
  }

  @Test
  void drift_envAndState_areExclusive() {
    CliRun.of("drift", "--env", tmp.toString(), "--state", "x.tfstate")
        .assertFailsWithOneLine("--env replaces");
  }

  @Test
  void parity_sandboxWithoutEnv_isRefused() {
    CliRun.of("parity", "--source", "aws:x", "--target", "azure:y", "--sandbox")
        .assertFailsWithOneLine("--sandbox needs --env");
  }

  @Test
  void parity_envWithoutCutoverYaml_namesTheFile() {
    CliRun.of("parity", "--env", tmp.toString())
        .assertFailsWithOneLine(tmp.resolve("cutover.yaml").toString());
  }

  @Test
  void parity_envWithUnknownField_namesFieldAndLine() throws IOException {
    Files.writeString(tmp.resolve("cutover.yaml"), "name: t\nsorce:\n  live: aws:us-east-1\n");
    CliRun.of("parity", "--env", tmp.toString()).assertFailsWithOneLine("unknown field 'sorce'");
  }

  @Test
  void parity_envSideWithNeitherLiveNorState_saysWhatItNeeds() throws IOException {
    Files.writeString(tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget: {}\n");
    CliRun.of("parity", "--env", tmp.toString()).assertFailsWithOneLine("'target:' needs");
  }

  @Test
  void drift_envWithoutStateAndLiveOnOneSide_saysNothingToCheck() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget:\n  state: t\n");
    CliRun.of("drift", "--env", tmp.toString()).assertFailsWithOneLine("no side has both");
  }

  @Test
  void parity_envSandboxWithoutSandboxDirectory_isRefused() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget:\n  state: t\n");
    CliRun.of("parity", "--env", tmp.toString(), "--sandbox")
        .assertFailsWithOneLine("names no 'sandbox:'");
  }

  @Test
  void parity_envSandboxDirectoryWithoutMappings_isRefused() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: aws:us-east-1\ntarget:\n  state: t\nsandbox: sandbox\n");
    CliRun.of("parity", "--env", tmp.toString(), "--sandbox")
        .assertFailsWithOneLine("not a sandbox directory");
  }

  @Test
  void inventory_awsWithoutRegion_saysWhichFlag() {
    CliRun.of("inventory", "--cloud", "aws").assertFailsWithOneLine("needs --region");
  }

  @Test
  void inventory_azureWithRegion_pointsToSubscription() {
    CliRun.of("inventory", "--cloud", "azure", "--region", "westeurope")
        .assertFailsWithOneLine("--subscription");
  }

  @Test
  void inventory_malformedEndpoint_isAUsageError() {
    CliRun.of("inventory", "--cloud", "aws", "--region", "us-east-1", "--aws-endpoint", "::")
        .assertFailsWithOneLine("--aws-endpoint", "'::' is not an absolute URL");
  }

  @Test
  void sandbox_directoryWithoutMappings_isRefused() {
    CliRun.of("sandbox", "--dir", tmp.toString()).assertFailsWithOneLine("not a sandbox directory");
  }

  @Test
  void parity_snapshotIsADirectory_namesIt() {
    CliRun.of("parity", "--source", "snapshot:" + tmp, "--target", "snapshot:" + tmp)
        .assertFailsWithOneLine(tmp.toString());
  }

  @Test
  void state_outIsADirectory_namesItAndLeavesNoTemporaryFile() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out/sub")).getParent();

    CliRun.of(
            "state",
            "--state",
            TestFiles.fixture("fixture/terraform.tfstate").toString(),
            "--out",
            out.toString())
        .assertFailsWithOneLine(out + ": cannot write output");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void debug_showsTheStackTraceAndStillExitsOne() {
    Path file = tmp.resolve("nope.tfstate");
    CliRun run = CliRun.of("--debug", "state", "--state", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ").contains("error: " + file + ": no such state file");
  }

  @Test
  void debug_afterTheCommand_showsTheStackTraceToo() {
    Path file = tmp.resolve("nope.tfstate");
    CliRun run = CliRun.of("state", "--state", file.toString(), "--debug");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ").contains("error: " + file + ": no such state file");
  }
}
