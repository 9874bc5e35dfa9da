package dev.cutover.core.compare;

import dev.cutover.core.compare.flow.FlowText;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Drift of a firewall's rules, one finding per rule that differs ({@code firewall.flow}), and of
 * labels alone ({@code firewall.labels}). Rules are canonical already (order, CIDR form, protocol
 * aliases); NSG default rules ({@code builtin}) are never reported.
 */
final class FirewallDrift {

  /** Peers that mean "anyone on the internet". */
  private static final Set<String> INTERNET = Set.of("0.0.0.0/0", "::/0", "tag:Internet");

  private FirewallDrift() {}

  static void compare(FirewallRuleSet state, FirewallRuleSet live, Findings out) {
    Findings.Pair pair = out.about(state, live);
    Map<FirewallRule, FirewallRule> s = byMatch(state.rules());
    Map<FirewallRule, FirewallRule> l = byMatch(live.rules());
    l.forEach(
        (match, rule) -> {
          FirewallRule declared = s.get(match);
          if (declared == null) {
            boolean open =
                rule.action() == Action.ALLOW
                    && rule.direction() == Direction.INGRESS
                    && INTERNET.contains(rule.peer());
            pair.changed(Rules.FIREWALL_FLOW)
                .severity(open ? Severity.HIGH : Severity.MEDIUM)
                .attribute("rules")
                .values(null, FlowText.ruleWithPlace(rule))
                .fix(
                    "remove it live, or add it to the Terraform configuration of "
                        + pair.left().label()
                        + " if it is intended")
                .add(verb(rule, FlowText.ruleWithPlace(rule)) + " live but not in state");
          } else if (!Objects.equals(declared.name(), rule.name())
              || !Objects.equals(declared.description(), rule.description())) {
            pair.changed(Rules.FIREWALL_LABELS)
                .attribute("rules")
                .values(labels(declared), labels(rule))
                .fix("terraform apply restores the labels; or change them in the configuration")
                .add(
                    "rule "
                        + FlowText.rule(rule)
                        + " is labelled "
                        + labels(rule)
                        + " live, "
                        + labels(declared)
                        + " in state");
          }
        });
    s.forEach(
        (match, rule) -> {
          if (!l.containsKey(match)) {
            pair.changed(Rules.FIREWALL_FLOW)
                .severity(Severity.MEDIUM)
                .attribute("rules")
                .values(FlowText.ruleWithPlace(rule), null)
                .fix(
                    "terraform apply re-creates it; remove it from the configuration if it was"
                        + " removed on purpose")
                .add(verb(rule, FlowText.ruleWithPlace(rule)) + " in state but not live");
          }
        });
  }

  /** {@code ingress tcp/22 from 0.0.0.0/0 is allowed} (or denied). */
  private static String verb(FirewallRule rule, String text) {
    return text + " is " + (rule.action() == Action.ALLOW ? "allowed" : "denied");
  }

  private static String labels(FirewallRule rule) {
    return "name="
        + Objects.toString(rule.name(), "(none)")
        + " description="
        + Objects.toString(rule.description(), "(none)");
  }

  /** User rules by what they match (labels dropped); builtin rules left out. */
  private static Map<FirewallRule, FirewallRule> byMatch(List<FirewallRule> rules) {
    Map<FirewallRule, FirewallRule> map = new LinkedHashMap<>();
    rules.stream()
        .filter(rule -> !rule.builtin())
        .forEach(rule -> map.putIfAbsent(rule.withoutLabels(), rule));
    return map;
  }
}
