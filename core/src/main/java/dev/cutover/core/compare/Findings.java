package dev.cutover.core.compare;

import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one comparison; each finding is drafted, then added by its message. */
final class Findings {

  private final List<Finding> list = new ArrayList<>();

  /** Findings about one paired left/right resource. */
  Pair about(Resource left, Resource right) {
    return new Pair(ResourceRef.of(left), ResourceRef.of(right));
  }

  /** A left resource without a right counterpart. */
  Draft missing(Rule rule, ResourceRef left) {
    return new Draft(rule, FindingType.MISSING, left, null);
  }

  /** A right resource without a left counterpart. */
  Draft unmanaged(Rule rule, ResourceRef right) {
    return new Draft(rule, FindingType.UNMANAGED, null, right);
  }

  List<Finding> list() {
    return list;
  }

  /** Drafts {@code changed} findings about one pair. */
  final class Pair {
    private final ResourceRef left;
    private final ResourceRef right;

    private Pair(ResourceRef left, ResourceRef right) {
      this.left = left;
      this.right = right;
    }

    /** A difference between the two. */
    Draft changed(Rule rule) {
      return new Draft(rule, FindingType.CHANGED, left, right);
    }

    ResourceRef left() {
      return left;
    }

    ResourceRef right() {
      return right;
    }
  }

  /** A finding being written: set what applies, then {@link #add(String)} its message. */
  final class Draft {
    private final Rule rule;
    private final FindingType type;
    private final ResourceRef left;
    private final ResourceRef right;
    private Severity severity;
    private String attribute;
    private String leftValue;
    private String rightValue;
    private String remediation;

    private Draft(Rule rule, FindingType type, ResourceRef left, ResourceRef right) {
      this.rule = rule;
      this.type = type;
      this.left = left;
      this.right = right;
      this.severity = rule.severity();
    }

    Draft severity(Severity value) {
      this.severity = value;
      return this;
    }

    Draft attribute(String path) {
      this.attribute = path;
      return this;
    }

    Draft values(Object left, Object right) {
      this.leftValue = Values.text(left);
      this.rightValue = Values.text(right);
      return this;
    }

    Draft fix(String text) {
      this.remediation = text;
      return this;
    }

    void add(String message) {
      list.add(
          new Finding(
              severity,
              rule.id(),
              type,
              left,
              right,
              attribute,
              leftValue,
              rightValue,
              message,
              remediation));
    }
  }
}
