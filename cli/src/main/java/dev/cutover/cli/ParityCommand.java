package dev.cutover.cli;

import dev.cutover.core.compare.Pairing;
import dev.cutover.core.compare.Report;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.report.ReportRenderer;
import dev.cutover.core.source.Comparisons;
import dev.cutover.core.source.InventorySpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cutover parity}: the source against the target, usually across clouds. */
@Command(
    name = "parity",
    description = {
      "Compare a source with a target by meaning: the flows firewalls allow, address spaces,"
          + " load balancer listeners and probes, database capacity and safety, DNS records.",
      "  cutover parity --source SPEC --target SPEC [--pair SOURCE=TARGET]...",
      "  cutover parity --env DIR [--sandbox]   (sides, pairs, policy: cutover.yaml)",
      "With --env, the JSON report is also saved to DIR/.cutover/parity.json (or the file"
          + " switch.parityReport names), where the switch's 'parity' gate reads it.",
      "SPEC: state:PATH | snapshot:PATH | aws:REGION | azure:SUB[/RG]",
    },
    footer = {"", "Exit codes: 0 no blocking finding, 1 error, 2 findings the policy blocks."})
final class ParityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin CloudOptions cloud;

  @Mixin EnvironmentOptions environment;

  @Option(names = "--source", paramLabel = "SPEC", description = "The source (blue) side.")
  String source;

  @Option(names = "--target", paramLabel = "SPEC", description = "The target (green) side.")
  String target;

  @Option(
      names = "--pair",
      paramLabel = "SOURCE=TARGET",
      description =
          "Pair a source resource with a target resource (name, id or Terraform address) where"
              + " the tag cutover:pair and the names do not; repeatable.")
  Map<String, String> pairs;

  @Override
  public Integer call() {
    environment.check(spec, "--source, --target and --pair", source, target, pairs);
    if (environment.given()) {
      return environment.compare(
          spec, cloud, output, (comparisons, env) -> saved(env, comparisons.parity(env)));
    }
    if (source == null || target == null) {
      throw new ParameterException(
          spec.commandLine(), "parity needs --source SPEC and --target SPEC, or --env DIR");
    }
    return output.emit(
        spec,
        new Comparisons(CloudOptions.sources(spec, cloud.endpoints()))
            .parity(
                InventorySpec.parse("--source", source),
                InventorySpec.parse("--target", target),
                pairs == null ? Pairing.byTagAndName() : Pairing.of(pairs)),
        Policy.defaults());
  }

  /**
   * Saves the report as the policy shows it (JSON) to the environment's parity report, where the
   * switch's {@code parity} gate reads the last one, and says so on stderr.
   */
  private Report saved(EnvironmentConfig env, Report report) {
    Path file = env.parityReport();
    OutputOptions.writeAtomically(file, ReportRenderer.json(env.policy().apply(report)));
    Console.notice(spec, "parity: report saved to " + file + " (read by the switch's parity gate)");
    return report;
  }
}
