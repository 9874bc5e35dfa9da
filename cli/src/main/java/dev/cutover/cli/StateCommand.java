package dev.cutover.cli;

import dev.cutover.core.source.Endpoints;
import dev.cutover.core.source.InventorySpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover state}: the canonical resources a Terraform state describes. */
@Command(
    name = "state",
    description =
        "List the canonical resources in a Terraform state (v4 or 'terraform show -json').")
final class StateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--state",
      required = true,
      paramLabel = "PATH",
      description = "A terraform.tfstate (format 4) or the output of 'terraform show -json'.")
  Path state;

  @Override
  public Integer call() {
    output.emit(
        spec, CloudOptions.sources(spec, Endpoints.none()).load(InventorySpec.state(state)));
    return 0;
  }
}
