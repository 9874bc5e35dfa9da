package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * One difference, with what to do about it.
 *
 * @param severity how much it matters
 * @param rule the rule id, e.g. {@code firewall.flow}, {@code network.cidrs}, {@code
 *     resource.missing}; every id is listed in {@link Rules}
 * @param type missing, unmanaged or changed
 * @param left the left-side resource (state for drift, source for parity); null when {@code
 *     unmanaged}
 * @param right the right-side resource (live for drift, target for parity); null when {@code
 *     missing}
 * @param attribute path of the differing attribute ({@code rules}, {@code cidrs}); null for a whole
 *     resource
 * @param leftValue the left value as text; null if absent
 * @param rightValue the right value as text; null if absent
 * @param message one line that says what differs, in the user's terms
 * @param remediation what to change, and where; null if nothing useful can be said
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "severity",
  "rule",
  "type",
  "left",
  "right",
  "attribute",
  "leftValue",
  "rightValue",
  "message",
  "remediation"
})
public record Finding(
    Severity severity,
    String rule,
    FindingType type,
    ResourceRef left,
    ResourceRef right,
    String attribute,
    String leftValue,
    String rightValue,
    String message,
    String remediation)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.subject().kind())
          .thenComparing(f -> f.subject().label())
          .thenComparing(Finding::rule)
          .thenComparing(f -> Objects.toString(f.attribute(), ""))
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    if (left == null && right == null) {
      throw new IllegalArgumentException("a finding needs a left or a right resource");
    }
  }

  /** The side the finding is best named by: left when present, else right. */
  public ResourceRef subject() {
    return left != null ? left : right;
  }

  /** Report order: severity, kind, resource, rule, attribute, message. */
  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
