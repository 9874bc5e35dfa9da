package dev.cutover.core.compare;

import dev.cutover.core.compare.flow.FirewallFlows;
import dev.cutover.core.compare.flow.FirewallFlows.Context;
import dev.cutover.core.compare.flow.FirewallFlows.Contribution;
import dev.cutover.core.compare.flow.FirewallFlows.Scope;
import dev.cutover.core.compare.flow.FlowSpace;
import dev.cutover.core.compare.flow.FlowText;
import dev.cutover.core.compare.flow.FlowText.Item;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parity of two firewalls as the flows each allows ({@code firewall.flow}, {@code
 * firewall.not-comparable}); see {@link FirewallFlows} for the evaluation and {@code docs/rules.md}
 * for the approximations.
 */
final class FirewallParity {

  /** NSG user rule priorities run from 100 to 4096 (default rules are 65000 and above). */
  private static final int FIRST_PRIORITY = 100;

  private static final int LAST_PRIORITY = 4096;

  private final FirewallRuleSet target;
  private final Findings.Pair pair;
  private final Context targetContext;
  private final List<String> universe;
  private final Map<String, Scope> sourceScopes;
  private final Map<String, Scope> targetScopes;
  private final Set<String> sourceSymbols;
  private final Set<String> targetSymbols;

  /**
   * @param sourceSpace the source side's virtual network space (its inventory's networks)
   * @param targetSpace the target side's
   * @param groupMap source security group id (lower case) to the id of its target counterpart
   */
  private FirewallParity(
      FirewallRuleSet source,
      FirewallRuleSet target,
      NetworkSpace sourceSpace,
      NetworkSpace targetSpace,
      Map<String, String> groupMap,
      Findings out) {
    this.target = target;
    this.pair = out.about(source, target);
    List<FirewallRule> sourceRules =
        source.rules().stream().map(rule -> mapGroup(rule, groupMap)).toList();
    this.universe =
        FirewallFlows.universe(
            Stream.concat(sourceRules.stream(), target.rules().stream()).toList());
    this.targetContext = targetSpace.context(universe);
    this.sourceScopes = FirewallFlows.evaluate(sourceRules, sourceSpace.context(universe));
    this.targetScopes = FirewallFlows.evaluate(target.rules(), targetContext);
    this.sourceSymbols = symbols(sourceScopes);
    this.targetSymbols = symbols(targetScopes);
  }

  static void compare(
      FirewallRuleSet source,
      FirewallRuleSet target,
      NetworkSpace sourceSpace,
      NetworkSpace targetSpace,
      Map<String, String> groupMap,
      Findings out) {
    new FirewallParity(source, target, sourceSpace, targetSpace, groupMap, out).run();
  }

  private void run() {
    Scope sourceGeneral = sourceScopes.get(FirewallFlows.GENERAL);
    Scope targetGeneral = targetScopes.get(FirewallFlows.GENERAL);
    FlowSpace exposure = targetGeneral.strict().minus(sourceGeneral.covering());
    FlowSpace breakage = sourceGeneral.strict().minus(targetGeneral.covering());
    report(sourceGeneral, targetGeneral, exposure, breakage);

    Set<String> locals = new TreeSet<>(sourceScopes.keySet());
    locals.addAll(targetScopes.keySet());
    locals.remove(FirewallFlows.GENERAL);
    for (String local : locals) {
      Scope s = sourceScopes.getOrDefault(local, sourceGeneral);
      Scope t = targetScopes.getOrDefault(local, targetGeneral);
      report(
          s,
          t,
          t.strict().minus(s.covering()).minus(exposure),
          s.strict().minus(t.covering()).minus(breakage));
    }
  }

  private void report(
      Scope sourceScope, Scope targetScope, FlowSpace exposure, FlowSpace breakage) {
    String local = targetScope.local();
    for (Item item : FlowText.items(comparable(exposure, sourceSymbols), universe, local)) {
      pair.changed(Rules.FIREWALL_FLOW)
          .attribute("rules")
          .values(null, item.text())
          .fix(exposureFix(targetScope, item))
          .add("target allows " + item.text() + "; source does not");
    }
    for (Item item : FlowText.items(comparable(breakage, targetSymbols), universe, local)) {
      pair.changed(Rules.FIREWALL_FLOW)
          .attribute("rules")
          .values(item.text(), null)
          .fix(breakageFix(targetScope, item))
          .add("source allows " + item.text() + "; target does not");
    }
    // The NSG default rules' own symbolic flows (VNet-internal, Azure load balancer probes) are the
    // platform's, in every NSG: not a difference the migration made, so no note on every pair.
    notComparable(
        exposure.minus(comparable(exposure, sourceSymbols)).minus(targetScope.platformDefaults()),
        local,
        false);
    notComparable(
        breakage.minus(comparable(breakage, targetSymbols)).minus(sourceScope.platformDefaults()),
        local,
        true);
  }

  /** Concrete flows, and symbolic ones whose symbol the other side also uses. */
  private static FlowSpace comparable(FlowSpace space, Set<String> otherSymbols) {
    return space.filter(key -> !key.symbolic() || otherSymbols.contains(symbolKey(key)));
  }

  /** One info finding per direction for flows of one side that no peer of the other matches. */
  private void notComparable(FlowSpace space, String local, boolean onSource) {
    for (Direction direction : Direction.values()) {
      List<String> texts =
          FlowText.items(space.filter(k -> k.direction() == direction), universe, local).stream()
              .map(Item::text)
              .toList();
      if (texts.isEmpty()) {
        continue;
      }
      String joined = String.join("; ", texts);
      pair.changed(Rules.FIREWALL_NOT_COMPARABLE)
          .attribute("rules")
          .values(onSource ? joined : null, onSource ? null : joined)
          .fix(
              "check these by hand; pair security groups in cutover.yaml so that references to"
                  + " them can be compared")
          .add(
              "not comparable: "
                  + (onSource ? "source" : "target")
                  + " allows "
                  + joined
                  + "; the "
                  + (onSource ? "target" : "source")
                  + " has no rule for "
                  + (texts.size() == 1 ? "this peer" : "these peers"));
    }
  }

  private String exposureFix(Scope scope, Item item) {
    List<FirewallRule> responsible =
        scope.contributions().stream()
            .filter(c -> c.allowed().overlaps(item.space()))
            .map(Contribution::rule)
            .toList();
    if (!isNsg()) {
      String rules =
          responsible.isEmpty()
              ? "the rule that allows it"
              : responsible.stream().map(FlowText::rule).collect(Collectors.joining("; "));
      return "in security group " + pair.right().label() + ", remove or narrow " + rules;
    }
    if (responsible.isEmpty()) {
      return "in " + pair.right().label() + ", remove or narrow the rule that allows it";
    }
    FirewallRule first = responsible.get(0);
    String fix =
        "in " + pair.right().label() + ", remove or narrow rule " + FlowText.ruleWithPlace(first);
    int deny = freePriorityBelow(first.priority(), first.direction());
    if (deny > 0) {
      fix += ", or add a Deny rule for " + item.text() + " at priority " + deny;
    }
    return fix;
  }

  private String breakageFix(Scope scope, Item item) {
    if (!isNsg()) {
      return "in security group " + pair.right().label() + ", add a rule allowing " + item.text();
    }
    FirewallRule blocker =
        scope.rules().stream()
            .filter(r -> r.action() == Action.DENY)
            .filter(r -> FirewallFlows.box(r, targetContext).overlaps(item.space()))
            .findFirst()
            .orElse(null);
    int limit = blocker == null ? LAST_PRIORITY + 1 : blocker.priority();
    int priority = allowPriority(limit, item.direction());
    String fix = "in " + pair.right().label() + ", add an Allow rule for " + item.text();
    if (priority > 0) {
      fix += " at priority " + priority;
    }
    if (blocker != null) {
      fix += " (before " + FlowText.ruleWithPlace(blocker) + ")";
    }
    return fix;
  }

  /** The first free multiple of 10 after the user rules before {@code limit}, else any free. */
  private int allowPriority(int limit, Direction direction) {
    Set<Integer> used = used(direction);
    int last =
        used.stream().filter(p -> p < limit && p <= LAST_PRIORITY).max(Integer::compare).orElse(0);
    int candidate = Math.max(FIRST_PRIORITY, (last / 10 + 1) * 10);
    if (candidate < limit && candidate <= LAST_PRIORITY && !used.contains(candidate)) {
      return candidate;
    }
    return freePriorityBelow(limit, direction);
  }

  /** The highest free user priority below {@code limit}, or -1. */
  private int freePriorityBelow(int limit, Direction direction) {
    Set<Integer> used = used(direction);
    for (int p = Math.min(limit - 1, LAST_PRIORITY); p >= FIRST_PRIORITY; p--) {
      if (!used.contains(p)) {
        return p;
      }
    }
    return -1;
  }

  private Set<Integer> used(Direction direction) {
    return target.rules().stream()
        .filter(r -> r.direction() == direction)
        .map(FirewallRule::priority)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private boolean isNsg() {
    return target.rules().stream().anyMatch(r -> r.priority() != null);
  }

  private static Set<String> symbols(Map<String, Scope> scopes) {
    Set<String> symbols = new LinkedHashSet<>();
    for (Scope scope : scopes.values()) {
      scope.strict().parts().keySet().stream()
          .filter(FlowSpace.Key::symbolic)
          .map(FirewallParity::symbolKey)
          .forEach(symbols::add);
    }
    return symbols;
  }

  private static String symbolKey(FlowSpace.Key key) {
    return key.direction() + " " + key.peer();
  }

  /** A source rule whose {@code sg:} peer has a paired target group references that group. */
  private static FirewallRule mapGroup(FirewallRule rule, Map<String, String> groupMap) {
    if (!rule.peer().startsWith("sg:")) {
      return rule;
    }
    String mapped = groupMap.get(Values.lower(rule.peer().substring(3)));
    if (mapped == null) {
      return rule;
    }
    return new FirewallRule(
        rule.direction(),
        rule.action(),
        rule.protocol(),
        rule.fromPort(),
        rule.toPort(),
        "sg:" + mapped,
        rule.priority(),
        rule.name(),
        rule.description(),
        rule.local(),
        rule.builtin());
  }
}
