package dev.cutover.cli;

import dev.cutover.core.compare.Report;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.source.Comparisons;
import dev.cutover.core.source.Endpoints;
import dev.cutover.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --env DIR} and {@code --sandbox}: run a comparison for an environment's {@code
 * cutover.yaml}, optionally against its sandbox started in-process.
 */
final class EnvironmentOptions {

  @Option(
      names = "--env",
      paramLabel = "DIR",
      description = "An environment directory holding cutover.yaml (or the file itself).")
  Path env;

  @Option(
      names = "--sandbox",
      description =
          "With --env: start the environment's sandbox (its 'sandbox:' directory) in-process on a"
              + " free loopback port and send every AWS and Azure call there.")
  boolean sandbox;

  boolean given() {
    return env != null;
  }

  /**
   * Loads the environment, starts its sandbox when {@code --sandbox} was given, runs the comparison
   * and emits its report.
   *
   * @return the policy's exit code (the environment's {@code policy:})
   */
  int compare(
      CommandSpec spec,
      CloudOptions cloud,
      OutputOptions output,
      BiFunction<Comparisons, EnvironmentConfig, Report> comparison) {
    EnvironmentConfig config = EnvironmentConfig.load(env);
    if (!sandbox) {
      return run(spec, config, cloud.endpoints(), output, comparison);
    }
    if (cloud.anyGiven()) {
      throw new ParameterException(
          spec.commandLine(),
          "--sandbox sends every call to the embedded sandbox; drop --aws-endpoint/--azure-endpoint"
              + " (or unset AWS_ENDPOINT_URL/"
              + CloudOptions.AZURE_ENDPOINT_ENV
              + ")");
    }
    if (config.sandbox() == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--sandbox: "
              + config.resolve(EnvironmentConfig.FILE_NAME)
              + " names no 'sandbox:' directory");
    }
    Path dir = config.resolve(config.sandbox());
    try (Sandbox running = Sandbox.start(dir, 0)) {
      Console.notice(
          spec,
          "sandbox: using the embedded sandbox at "
              + running.endpoint()
              + " ("
              + dir
              + "); no real cloud is contacted");
      return run(
          spec,
          config,
          CloudOptions.endpoints(running.endpoint(), running.endpoint()),
          output,
          comparison);
    }
  }

  private static int run(
      CommandSpec spec,
      EnvironmentConfig config,
      Endpoints endpoints,
      OutputOptions output,
      BiFunction<Comparisons, EnvironmentConfig, Report> comparison) {
    Report report =
        comparison.apply(new Comparisons(CloudOptions.sources(spec, endpoints)), config);
    return output.emit(spec, report, config.policy());
  }

  /**
   * @throws ParameterException for {@code --sandbox} without {@code --env}, or {@code --env} with
   *     the options it replaces
   */
  void check(CommandSpec spec, String replaced, Object... replacedValues) {
    if (sandbox && env == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--sandbox needs --env DIR (the sandbox directory comes from its cutover.yaml)");
    }
    if (env != null) {
      for (Object value : replacedValues) {
        if (value != null) {
          throw new ParameterException(
              spec.commandLine(), "--env replaces " + replaced + "; give one or the other");
        }
      }
    }
  }
}
