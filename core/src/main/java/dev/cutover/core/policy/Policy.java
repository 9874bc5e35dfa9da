package dev.cutover.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Finding;
import dev.cutover.core.compare.Report;
import dev.cutover.core.compare.ResourceRef;
import dev.cutover.core.compare.Rule;
import dev.cutover.core.compare.Rules;
import dev.cutover.core.compare.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which findings block: a pipeline gate's verdict. Exit codes follow {@code terraform plan
 * -detailed-exitcode}: 0 clean, 2 differences the policy does not allow (1 is reserved for errors).
 * In {@code cutover.yaml}:
 *
 * <pre>
 * policy:
 *   failOn: [high, medium]
 *   ignore:
 *     - rule: network.cidrs                      # the target is renumbered on purpose
 *     - rule: firewall.*
 *       resource: aws_security_group.legacy      # address, id or name, either side
 *       reason: decommissioned after the cutover
 * </pre>
 *
 * @param failOn severities that block; default {@code [high, medium]}
 * @param ignore findings that never block and are left out of {@link #apply(Report)}; empty by
 *     default
 */
public record Policy(
    @JsonProperty("failOn") Set<Severity> failOn, @JsonProperty("ignore") List<Ignore> ignore) {

  /** Exit code when nothing blocks. */
  public static final int CLEAN = 0;

  /** Exit code when a finding blocks. */
  public static final int BLOCKED = 2;

  @JsonCreator
  public Policy {
    failOn = failOn == null ? EnumSet.of(Severity.HIGH, Severity.MEDIUM) : Set.copyOf(failOn);
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
  }

  /** A policy without ignore entries. */
  public Policy(Set<Severity> failOn) {
    this(failOn, null);
  }

  /** Any high or medium finding blocks. */
  public static Policy defaults() {
    return new Policy(null, null);
  }

  /**
   * One ignore entry: findings of a rule, of a resource, or of a rule on a resource.
   *
   * @param rule a rule id ({@code db.tls}) or a prefix pattern ({@code firewall.*}, {@code *});
   *     null for every rule
   * @param resource the Terraform address, the id (case-insensitive) or the name (case-insensitive)
   *     of the left or right resource; null for every resource
   * @param reason why, for the reader of {@code cutover.yaml}; not used otherwise
   * @throws CutoverException if both rule and resource are missing, or the rule id is unknown
   */
  public record Ignore(
      @JsonProperty("rule") String rule,
      @JsonProperty("resource") String resource,
      @JsonProperty("reason") String reason) {

    @JsonCreator
    public Ignore {
      if (rule == null && resource == null) {
        throw new CutoverException("policy.ignore: an entry needs a rule, a resource or both");
      }
      if (rule != null && !rule.endsWith("*") && Rules.byId(rule).isEmpty()) {
        throw new CutoverException(
            "policy.ignore: unknown rule '"
                + rule
                + "'; known rules: "
                + Rules.all().stream().map(Rule::id).collect(Collectors.joining(", ")));
      }
    }

    /** True if the finding is one this entry silences. */
    public boolean matches(Finding finding) {
      boolean ruleMatches =
          rule == null
              || (rule.endsWith("*")
                  ? finding.rule().startsWith(rule.substring(0, rule.length() - 1))
                  : finding.rule().equals(rule));
      return ruleMatches && (resource == null || names(finding.left()) || names(finding.right()));
    }

    private boolean names(ResourceRef ref) {
      return ref != null
          && (resource.equals(ref.address())
              || resource.equalsIgnoreCase(ref.id())
              || resource.equalsIgnoreCase(ref.name()));
    }
  }

  /** True if an ignore entry silences the finding. */
  public boolean ignores(Finding finding) {
    return ignore.stream().anyMatch(entry -> entry.matches(finding));
  }

  public boolean blocks(Finding finding) {
    return failOn.contains(finding.severity()) && !ignores(finding);
  }

  /** The report without the findings this policy ignores (summary recomputed). */
  public Report apply(Report report) {
    return report.withFindings(report.findings().stream().filter(f -> !ignores(f)).toList());
  }

  /** {@link #BLOCKED} if any finding blocks, else {@link #CLEAN}. */
  public int exitCode(Report report) {
    return report.findings().stream().anyMatch(this::blocks) ? BLOCKED : CLEAN;
  }
}
