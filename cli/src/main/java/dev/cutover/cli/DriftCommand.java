package dev.cutover.cli;

import dev.cutover.core.policy.Policy;
import dev.cutover.core.source.Comparisons;
import dev.cutover.core.source.InventorySpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cutover drift}: a cloud's Terraform state against the same cloud live. */
@Command(
    name = "drift",
    description = {
      "Compare a Terraform state with the same cloud live: missing (in state, not live),"
          + " unmanaged (live, not in state), changed (with the attribute).",
      "  cutover drift --state PATH --live aws:REGION|azure:SUB[/RG]",
      "  cutover drift --env DIR [--sandbox]   (each side with state: and live:)",
    },
    footer = {"", "Exit codes: 0 no blocking finding, 1 error, 2 findings the policy blocks."})
final class DriftCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin CloudOptions cloud;

  @Mixin EnvironmentOptions environment;

  @Option(
      names = "--state",
      paramLabel = "PATH",
      description = "The Terraform state (format 4 or 'terraform show -json').")
  Path state;

  @Option(
      names = "--live",
      paramLabel = "SPEC",
      description = "The live cloud the state describes: aws:REGION or azure:SUB[/RG].")
  String live;

  @Override
  public Integer call() {
    environment.check(spec, "--state and --live", state, live);
    if (environment.given()) {
      return environment.compare(spec, cloud, output, Comparisons::drift);
    }
    if (state == null || live == null) {
      throw new ParameterException(
          spec.commandLine(), "drift needs --state PATH and --live SPEC, or --env DIR");
    }
    return output.emit(
        spec,
        new Comparisons(CloudOptions.sources(spec, cloud.endpoints()))
            .drift(InventorySpec.state(state), InventorySpec.parse("--live", live)),
        Policy.defaults());
  }
}
