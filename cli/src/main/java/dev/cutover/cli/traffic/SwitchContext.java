package dev.cutover.cli.traffic;

import dev.cutover.core.CutoverException;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.env.SwitchConfig;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.spi.Providers;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.TrafficProviders;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.gate.Gates;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.plan.Durations;
import dev.cutover.core.traffic.plan.SwitchSettings;
import dev.cutover.core.traffic.run.SwitchService;
import dev.cutover.core.traffic.run.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags and {@code cutover.yaml} resolved into what the switch needs: flags win over the file, the
 * file over the defaults; {@code --gate} and {@code --blue-gate} add to the file's gates.
 */
final class SwitchContext {

  private final SwitchOptions options;
  private final EnvironmentConfig env;
  private final SwitchConfig yaml;
  private final Path base;
  private final Policy policy;
  private final String spec;
  private final TrafficProviders providers;
  private TrafficRouter router;
  private final Map<String, Optional<MetricSource>> metricSources = new HashMap<>();

  private SwitchContext(SwitchOptions options, EnvironmentConfig env) {
    this.options = options;
    this.env = env;
    this.yaml = env == null ? null : env.switchConfig();
    this.base = env == null ? Path.of(".") : env.dir();
    this.policy = env == null ? Policy.defaults() : env.policy();
    String record = options.record != null ? options.record : yaml == null ? null : yaml.record();
    if (record == null) {
      throw new CutoverException(
          env == null
              ? "--record or --env is required"
              : env.dir().resolve(EnvironmentConfig.FILE_NAME)
                  + ": no switch.record; add a 'switch:' section or pass --record");
    }
    this.spec = record;
    this.providers = new TrafficProviders(Providers.load(), options.cloud.endpoints().byCloud());
  }

  static SwitchContext resolve(SwitchOptions options) {
    return new SwitchContext(
        options, options.env == null ? null : EnvironmentConfig.load(options.env));
  }

  /** The record with its sides; requires --blue/--green or the file's. */
  RecordRef record() {
    RecordRef record = recordOrNull();
    if (record == null) {
      throw new CutoverException(
          "record '" + spec + "': --blue and --green are required (or switch.blue/green)");
    }
    return record;
  }

  /** The record with its sides, or null if the sides are not given (status reads the journal). */
  RecordRef recordOrNull() {
    String blue = options.blue != null ? options.blue : yaml == null ? null : yaml.blue();
    String green = options.green != null ? options.green : yaml == null ? null : yaml.green();
    if (blue == null || green == null) {
      return null;
    }
    return RecordRef.parse(spec, blue, green);
  }

  /** The record's router, made once per command: it holds the provider's SDK clients. */
  TrafficRouter router() {
    if (router == null) {
      int colon = spec.indexOf(':');
      if (colon <= 0) {
        RecordRef.parse(spec, "blue", "green"); // throws the syntax message
      }
      router = providers.router(spec.substring(0, colon));
    }
    return router;
  }

  JournalFiles files() {
    Path dir =
        options.journal != null
            ? options.journal
            : base.resolve(
                    yaml != null && yaml.journal() != null
                        ? yaml.journal()
                        : SwitchConfig.DEFAULT_JOURNAL)
                .normalize();
    return JournalFiles.of(dir, spec);
  }

  Gates gates() {
    Path parity =
        options.parityReport != null
            ? options.parityReport
            : env != null ? env.parityReport() : Path.of(SwitchConfig.DEFAULT_PARITY_REPORT);
    return new Gates(this::metricSource, parity, policy, options.cloud.endpoints().anyLoopback());
  }

  /** The metric source {@code id}, made once per command however many gates read it; or null. */
  private MetricSource metricSource(String id) {
    return metricSources
        .computeIfAbsent(id, key -> Optional.ofNullable(providers.metricSource(key)))
        .orElse(null);
  }

  SwitchService service(ProgressListener progress) {
    return new SwitchService(
        router(),
        files(),
        gates(),
        Ticker.system(),
        progress,
        Durations.parse(options.waitFor, "--wait"));
  }

  /** The settings: each flag over its cutover.yaml field over the default; gates add up. */
  SwitchSettings settings(PlanOptions flags) {
    List<Integer> steps =
        flags.steps != null
            ? SwitchSettings.parseSteps(flags.steps)
            : yaml != null && yaml.steps() != null
                ? SwitchSettings.parseSteps(String.join(",", yaml.steps()))
                : null;
    List<String> gates = new ArrayList<>(yaml == null ? List.of() : yaml.gates());
    if (flags.gates != null) {
      gates.addAll(flags.gates);
    }
    List<String> blueGates = new ArrayList<>(yaml == null ? List.of() : yaml.blueGates());
    if (flags.blueGates != null) {
      blueGates.addAll(flags.blueGates);
    }
    boolean autoPromote =
        flags.autoPromote != null
            ? flags.autoPromote
            : yaml != null && Boolean.TRUE.equals(yaml.autoPromote());
    return new SwitchSettings(
        record(),
        steps,
        duration(flags.bake, yaml == null ? null : yaml.bake(), "--bake"),
        duration(flags.deadline, yaml == null ? null : yaml.deadline(), "--deadline"),
        duration(flags.interval, yaml == null ? null : yaml.interval(), "--interval"),
        duration(flags.maxTtl, yaml == null ? null : yaml.maxTtl(), "--max-ttl"),
        duration(flags.liveTimeout, yaml == null ? null : yaml.liveTimeout(), "--live-timeout"),
        gates,
        blueGates,
        autoPromote);
  }

  private static Duration duration(String flag, String fromFile, String name) {
    String value = flag != null ? flag : fromFile;
    return value == null ? null : Durations.parse(value, name);
  }
}
