package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one comparison: its findings in report order. Its JSON form is the stable {@code
 * drift}/{@code parity}/{@code envdiff} output of DESIGN.md.
 *
 * @param comparison drift, parity or envdiff
 * @param left where the left side came from ({@code state:aws.tfstate})
 * @param right where the right side came from ({@code aws:us-east-1})
 * @param findings sorted by {@link Finding#compareTo(Finding)}
 * @param sandbox true if a live side was read through a loopback endpoint (the sandbox), not a real
 *     cloud: such a report proves nothing about production, and the switch's {@code parity} gate
 *     refuses it unless the switch runs against the sandbox too. JSON {@code "sandbox": true},
 *     omitted when false.
 */
@JsonPropertyOrder({
  "schemaVersion",
  "comparison",
  "left",
  "right",
  "sandbox",
  "findings",
  "summary"
})
public record Report(
    Comparison comparison,
    String left,
    String right,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sandbox) {

  public static final int SCHEMA_VERSION = 1;

  public Report {
    Objects.requireNonNull(comparison, "comparison");
    findings = findings == null ? List.of() : findings.stream().sorted().toList();
  }

  /** A report of real clouds, state or snapshots. */
  public Report(Comparison comparison, String left, String right, List<Finding> findings) {
    this(comparison, left, right, findings, false);
  }

  /** This report, marked as read from the sandbox. */
  public Report fromSandbox() {
    return new Report(comparison, left, right, findings, true);
  }

  /** This report with other findings (a policy's view of it); where it came from stays. */
  public Report withFindings(List<Finding> newFindings) {
    return new Report(comparison, left, right, newFindings, sandbox);
  }

  @JsonProperty
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Number of findings per severity, every severity present (0 if none), highest first. */
  @JsonProperty
  public Map<Severity, Integer> summary() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    for (Finding finding : findings) {
      counts.merge(finding.severity(), 1, Integer::sum);
    }
    return new LinkedHashMap<>(counts);
  }
}
