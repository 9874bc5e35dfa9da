package dev.cutover.core.compare;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One comparison rule: what a {@link Finding#rule()} id means. Every rule is listed in {@link
 * Rules} and, generated from there, in {@code docs/rules.md}.
 *
 * @param id stable id used in findings, policies and documentation, e.g. {@code firewall.flow}
 * @param severity the severity its findings usually get; a finding may rank higher or lower when
 *     the rationale says so (e.g. an allow from {@code 0.0.0.0/0} is high, other rule drift medium)
 * @param appliesTo the comparisons that use it ({@code drift}, {@code parity})
 * @param rationale one line: why the difference matters
 * @param source the AWS or Azure documentation page or RFC the rule rests on
 */
public record Rule(
    String id, Severity severity, Set<Comparison> appliesTo, String rationale, String source) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(source, "source");
    appliesTo = Set.copyOf(EnumSet.copyOf(appliesTo));
  }
}
