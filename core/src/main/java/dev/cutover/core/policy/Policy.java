package dev.cutover.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cutover.core.compare.Finding;
import dev.cutover.core.compare.Report;
import dev.cutover.core.compare.Severity;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which findings block: a pipeline gate's verdict. Exit codes follow {@code terraform plan
 * -detailed-exitcode}: 0 clean, 2 differences the policy does not allow (1 is reserved for errors).
 *
 * @param failOn severities that block; default {@code [high, medium]}
 */
public record Policy(@JsonProperty("failOn") Set<Severity> failOn) {

  /** Exit code when nothing blocks. */
  public static final int CLEAN = 0;

  /** Exit code when a finding blocks. */
  public static final int BLOCKED = 2;

  public Policy {
    failOn = failOn == null ? EnumSet.of(Severity.HIGH, Severity.MEDIUM) : Set.copyOf(failOn);
  }

  /** Any high or medium finding blocks. */
  public static Policy defaults() {
    return new Policy(null);
  }

  public boolean blocks(Finding finding) {
    return failOn.contains(finding.severity());
  }

  /** {@link #BLOCKED} if any finding blocks, else {@link #CLEAN}. */
  public int exitCode(Report report) {
    return report.findings().stream().anyMatch(this::blocks) ? BLOCKED : CLEAN;
  }
}
