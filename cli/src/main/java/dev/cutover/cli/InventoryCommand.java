package dev.cutover.cli;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.source.InventorySpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cutover inventory}: the canonical resources of a live cloud. */
@Command(
    name = "inventory",
    description = {
      "List the canonical resources of a live cloud, read with bulk paginated list calls.",
      "  cutover inventory --cloud aws --region REGION",
      "  cutover inventory --cloud azure --subscription SUB [--resource-group RG]",
      "--format json writes a snapshot that 'parity --source snapshot:FILE' reads back.",
    })
final class InventoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin CloudOptions cloud;

  @Option(
      names = "--cloud",
      required = true,
      paramLabel = "ID",
      description = "The cloud: aws or azure.")
  String cloudId;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region (us-east-1).")
  String region;

  @Option(names = "--subscription", paramLabel = "SUB", description = "Azure subscription id.")
  String subscription;

  @Option(
      names = "--resource-group",
      paramLabel = "RG",
      description = "Azure resource group; default: the whole subscription.")
  String resourceGroup;

  @Override
  public Integer call() {
    Inventory inventory =
        CloudOptions.sources(spec, cloud.endpoints()).load(InventorySpec.live(cloudId, location()));
    output.emit(spec, inventory);
    return 0;
  }

  /** {@code REGION} for AWS, {@code SUB[/RG]} for Azure (the syntax of {@link InventorySpec}). */
  private String location() {
    boolean azure = cloudId.equals("azure");
    if (region != null && (azure || subscription != null)) {
      throw usage("--region is for AWS; Azure takes --subscription SUB [--resource-group RG]");
    }
    if (subscription != null && cloudId.equals("aws")) {
      throw usage("--subscription is for Azure; AWS takes --region REGION");
    }
    if (resourceGroup != null && subscription == null) {
      throw usage("--resource-group needs --subscription SUB");
    }
    if (region != null) {
      return region;
    }
    if (subscription == null) {
      throw usage(
          azure
              ? "inventory --cloud azure needs --subscription SUB"
              : "inventory --cloud " + cloudId + " needs --region REGION");
    }
    return resourceGroup == null ? subscription : subscription + "/" + resourceGroup;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
