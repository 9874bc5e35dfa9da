package dev.cutover.cli.traffic;

import dev.cutover.cli.CloudOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which record set, its journal and the endpoints: what every {@code switch} command takes. */
public final class SwitchOptions {

  @Option(
      names = "--env",
      paramLabel = "DIR",
      description =
          "Environment directory: its cutover.yaml 'switch:' section gives the record, sides,"
              + " steps and gates; the journal defaults to DIR/.cutover/journal.")
  Path env;

  @Option(
      names = "--record",
      paramLabel = "SPEC",
      description =
          "route53:ZONE_ID/NAME/TYPE or trafficmanager:SUBSCRIPTION/RESOURCE_GROUP/PROFILE"
              + " (overrides cutover.yaml).")
  String record;

  @Option(
      names = "--blue",
      paramLabel = "MEMBER",
      description = "Source member: Route 53 SetIdentifier or Traffic Manager endpoint name.")
  String blue;

  @Option(
      names = "--green",
      paramLabel = "MEMBER",
      description = "Target member: Route 53 SetIdentifier or Traffic Manager endpoint name.")
  String green;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description =
          "Journal directory (default: ENV/.cutover/journal with --env, ./.cutover/journal"
              + " otherwise).")
  Path journal;

  @Option(
      names = "--parity-report",
      paramLabel = "FILE",
      description =
          "Report the 'parity' gate reads (default: ENV/.cutover/parity.json, where 'cutover"
              + " parity --env ENV' saves it, or ./.cutover/parity.json).")
  Path parityReport;

  /** {@code --aws-endpoint}, {@code --azure-endpoint}, with the environment defaults. */
  @Mixin CloudOptions cloud;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "15m",
      description =
          "How long promote/pause/resume/rollback wait for a running 'start' to act on them"
              + " (default: ${DEFAULT-VALUE}).")
  String waitFor;
}
