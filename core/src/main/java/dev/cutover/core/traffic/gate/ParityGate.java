package dev.cutover.core.traffic.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Severity;
import dev.cutover.core.json.Json;
import dev.cutover.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code parity[:PATH]}: the last parity report ({@code cutover parity --format json}, DESIGN.md
 * "Machine-readable output") has no finding the policy blocks. Read afresh at each evaluation, so a
 * parity run during the switch counts. An absent report fails unless {@code missing=pass}; a report
 * read from the sandbox ({@code "sandbox": true}) fails a switch of real clouds, whatever it found.
 */
public final class ParityGate implements Gate {

  private final GateSpec.Parity spec;
  private final Path report;
  private final Policy policy;
  private final boolean onSandbox;

  /**
   * @param report the file to read: the spec's path, or the environment's default
   * @param policy which severities block (the environment's {@code policy.failOn})
   * @param onSandbox the switch runs against the sandbox, so a sandbox report may gate it
   */
  public ParityGate(GateSpec.Parity spec, Path report, Policy policy, boolean onSandbox) {
    this.spec = spec;
    this.report = report;
    this.policy = policy;
    this.onSandbox = onSandbox;
  }

  @Override
  public String name() {
    return spec.text();
  }

  @Override
  public GateResult evaluate(Instant since, Instant now, boolean last) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readAllBytes(report));
    } catch (NoSuchFileException e) {
      return spec.missingPasses()
          ? GateResult.pass(name(), report + ": no parity report; missing=pass")
          : GateResult.fail(
              name(),
              report
                  + ": no parity report; write one with 'cutover parity --format json --out "
                  + report
                  + "'");
    } catch (IOException e) {
      return GateResult.fail(name(), report + ": not a parity report: " + e.getMessage());
    }
    if (!root.path("comparison").asText().equals("parity") || !root.has("findings")) {
      return GateResult.fail(
          name(), report + ": not a parity report (expected \"comparison\": \"parity\")");
    }
    if (root.path("sandbox").asBoolean(false) && !onSandbox) {
      return GateResult.fail(
          name(),
          report
              + ": made against the sandbox, not the clouds this switch moves; run 'cutover parity"
              + " --env ...' without --sandbox or loopback endpoints");
    }
    int blocking = 0;
    String first = null;
    for (JsonNode finding : root.get("findings")) {
      Severity severity;
      try {
        severity = Severity.parse(finding.path("severity").asText());
      } catch (CutoverException e) {
        return GateResult.fail(name(), report + ": " + e.getMessage());
      }
      if (policy.failOn().contains(severity)) {
        blocking++;
        if (first == null) {
          first = severity + ": " + finding.path("message").asText();
        }
      }
    }
    if (blocking > 0) {
      return GateResult.fail(
          name(),
          report
              + ": "
              + blocking
              + " blocking finding"
              + (blocking == 1 ? "" : "s")
              + ", first "
              + first);
    }
    return GateResult.pass(
        name(), report + ": no blocking finding (" + root.get("findings").size() + " in all)");
  }
}
