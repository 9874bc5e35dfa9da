package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends as one {@code error:} line on stderr and exit code 1, with no stack trace and
 * nothing on stdout, whatever the command. (Cloud errors: {@link CloudErrorsEndToEndTest}.)
 */
class BadInputTest {

  @TempDir Path tmp;

  private static CliRun assertOneLineError(CliRun run, String... expectedFragments) {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errorLines()).as(run.toString()).isEqualTo(1);
    assertThat(run.showsStackTrace()).as(run.toString()).isFalse();
    assertThat(run.out()).as(run.toString()).isEmpty();
    for (String fragment : expectedFragments) {
      assertThat(run.err()).as(run.toString()).contains(fragment);
    }
    return run;
  }

  @Test
  void state_malformedJson_namesFileAndLine() {
    Path file = TestFiles.fixture("bad/truncated.tfstate");
    assertOneLineError(CliRun.of("state", "--state", file.toString()), file.toString(), "line");
  }

  @Test
  void state_version3_asksForTerraform012Upgrade() {
    Path file = TestFiles.fixture("bad/v3-simple.tfstate");
    CliRun run = assertOneLineError(CliRun.of("state", "--state", file.toString()), "version 3");
    assertThat(run.err()).containsIgnoringCase("0.12");
  }

  @Test
  void state_jsonThatIsNoState_saysSo() {
    Path file = TestFiles.fixture("bad/not-a-state.json");
    assertOneLineError(CliRun.of("state", "--state", file.toString()), file.toString(), "state");
  }

  @Test
  void state_missingFile_namesIt() {
    Path file = tmp.resolve("nope.tfstate");
    assertOneLineError(CliRun.of("state", "--state", file.toString()), file.toString(), "no such");
  }

  @Test
  void drift_malformedStateFile_failsBeforeAnyScan() {
    FakeCloudProvider.lastRequest = null;
    Path file = TestFiles.fixture("bad/truncated.tfstate");
    assertOneLineError(
        CliRun.of("drift", "--state", file.toString(), "--live", "fake:" + tmp), file.toString());
    assertThat(FakeCloudProvider.lastRequest).isNull();
  }

  @Test
  void drift_v3State_failsWithUpgradeHint() {
    Path file = TestFiles.fixture("bad/v3-simple.tfstate");
    assertOneLineError(
        CliRun.of("drift", "--state", file.toString(), "--live", "fake:" + tmp), "version 3");
  }

  @Test
  void drift_unknownCloud_listsKnownClouds() {
    Path file = TestFiles.fixture("fake/terraform.tfstate");
    assertOneLineError(
        CliRun.of("drift", "--state", file.toString(), "--live", "gcp:x"),
        "unknown cloud 'gcp'",
        "fake");
  }

  @Test
  void drift_liveIsAFile_expectsACloud() {
    Path file = TestFiles.fixture("fake/terraform.tfstate");
    assertOneLineError(
        CliRun.of("drift", "--state", file.toString(), "--live", "state:" + file),
        "--live",
        "aws:REGION");
  }

  @Test
  void drift_stateWithoutResourcesOfThatCloud_saysNothingToCompare() {
    Path file = TestFiles.fixture("tfstate/snyk-driftctl/aws_vpc/terraform.tfstate");
    assertOneLineError(
        CliRun.of("drift", "--state", file.toString(), "--live", "fake:" + tmp),
        "no fake resources");
  }

  @Test
  void parity_malformedSpec_listsTheForms() {
    assertOneLineError(
        CliRun.of("parity", "--source", "aws-us-east-1", "--target", "azure:sub"),
        "--source 'aws-us-east-1'",
        "state:PATH, snapshot:PATH, aws:REGION or azure:SUB[/RG]");
  }

  @Test
  void parity_emptySpecPath_isMalformed() {
    assertOneLineError(
        CliRun.of("parity", "--source", "snapshot:", "--target", "azure:sub"), "--source");
  }

  @Test
  void parity_snapshotThatIsAState_saysItIsNoSnapshot() {
    Path state = TestFiles.fixture("fake/terraform.tfstate");
    assertOneLineError(
        CliRun.of("parity", "--source", "snapshot:" + state, "--target", "snapshot:" + state),
        "not a cutover snapshot");
  }

  @Test
  void unknownFlag_exitsOneNotPicocliTwo() {
    assertOneLineError(CliRun.of("drift", "--bogus"), "Unknown option: '--bogus'");
  }

  @Test
  void missingCommand_isAUsageError() {
    assertOneLineError(CliRun.of(), "a command is required");
  }

  @Test
  void drift_withoutSides_saysWhatItNeeds() {
    assertOneLineError(CliRun.of("drift", "--state", "x.tfstate"), "--live SPEC", "--env DIR");
  }

  @Test
  void drift_envAndState_areExclusive() {
    assertOneLineError(
        CliRun.of("drift", "--env", tmp.toString(), "--state", "x.tfstate"), "--env replaces");
  }

  @Test
  void parity_sandboxWithoutEnv_isRefused() {
    assertOneLineError(
        CliRun.of("parity", "--source", "aws:x", "--target", "azure:y", "--sandbox"),
        "--sandbox needs --env");
  }

  @Test
  void parity_envWithoutCutoverYaml_namesTheFile() {
    assertOneLineError(
        CliRun.of("parity", "--env", tmp.toString()), tmp.resolve("cutover.yaml").toString());
  }

  @Test
  void parity_envWithUnknownField_namesFieldAndLine() throws IOException {
    Files.writeString(tmp.resolve("cutover.yaml"), "name: t\nsorce:\n  live: aws:us-east-1\n");
    assertOneLineError(CliRun.of("parity", "--env", tmp.toString()), "unknown field 'sorce'");
  }

  @Test
  void parity_envSideWithNeitherLiveNorState_saysWhatItNeeds() throws IOException {
    Files.writeString(tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget: {}\n");
    assertOneLineError(CliRun.of("parity", "--env", tmp.toString()), "'target:' needs");
  }

  @Test
  void drift_envWithoutStateAndLiveOnOneSide_saysNothingToCheck() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget:\n  state: t\n");
    assertOneLineError(CliRun.of("drift", "--env", tmp.toString()), "no side has both");
  }

  @Test
  void parity_envSandboxWithoutSandboxDirectory_isRefused() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"), "source:\n  live: aws:us-east-1\ntarget:\n  state: t\n");
    assertOneLineError(
        CliRun.of("parity", "--env", tmp.toString(), "--sandbox"), "names no 'sandbox:'");
  }

  @Test
  void parity_envSandboxDirectoryWithoutMappings_isRefused() throws IOException {
    Files.writeString(
        tmp.resolve("cutover.yaml"),
        "source:\n  live: aws:us-east-1\ntarget:\n  state: t\nsandbox: sandbox\n");
    assertOneLineError(
        CliRun.of("parity", "--env", tmp.toString(), "--sandbox"), "not a sandbox directory");
  }

  @Test
  void inventory_awsWithoutRegion_saysWhichFlag() {
    assertOneLineError(CliRun.of("inventory", "--cloud", "aws"), "needs --region");
  }

  @Test
  void inventory_azureWithRegion_pointsToSubscription() {
    assertOneLineError(
        CliRun.of("inventory", "--cloud", "azure", "--region", "westeurope"), "--subscription");
  }

  @Test
  void inventory_malformedEndpoint_isAUsageError() {
    assertOneLineError(
        CliRun.of("inventory", "--cloud", "aws", "--region", "us-east-1", "--aws-endpoint", "::"),
        "--aws-endpoint",
        "'::' is not an absolute URL");
  }

  @Test
  void sandbox_directoryWithoutMappings_isRefused() {
    assertOneLineError(CliRun.of("sandbox", "--dir", tmp.toString()), "not a sandbox directory");
  }

  @Test
  void parity_snapshotIsADirectory_namesIt() {
    assertOneLineError(
        CliRun.of("parity", "--source", "snapshot:" + tmp, "--target", "snapshot:" + tmp),
        tmp.toString());
  }

  @Test
  void debug_showsTheStackTraceAndStillExitsOne() {
    Path file = tmp.resolve("nope.tfstate");
    CliRun run = CliRun.of("--debug", "state", "--state", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ").contains("error: " + file + ": no such state file");
  }
}
