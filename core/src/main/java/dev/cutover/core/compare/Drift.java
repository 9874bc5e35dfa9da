package dev.cutover.core.compare;

import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.DriftNormalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift: one cloud's Terraform state (left) against the same cloud live (right), paired by kind and
 * cloud id (case-insensitively). Reports {@code missing} (in state, not live; medium), {@code
 * unmanaged} (live, not in state; low; only kinds the state holds at all, so that a state of
 * security groups does not call every live VPC unmanaged, and not what the cloud creates by itself,
 * {@link dev.cutover.core.model.ResourceMeta#cloudDefault()}) and {@code changed} (an attribute
 * differs, with its path). The rules are listed in {@link Rules} and {@code docs/rules.md}.
 *
 * <p>Before comparing, the provider's {@link DriftNormalizer} is applied to each live resource that
 * pairs with a state resource; firewall rules are compared one by one without NSG default rules;
 * tags only for keys the state declares; attributes in {@link DriftIgnores} are skipped.
 */
public final class Drift {

  private Drift() {}

  /**
   * Compares a state with live.
   *
   * @param state the inventory mapped from the state
   * @param live the inventory read live (only kinds present in state are worth reading)
   * @param normalizer the cloud's own normalisation of live resources ({@link DriftNormalizer#NONE}
   *     for none)
   * @return the findings, with {@code left}/{@code right} of the report set to the inventories'
   *     sources
   */
  public static Report compare(Inventory state, Inventory live, DriftNormalizer normalizer) {
    Findings out = new Findings();
    Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
    state.resources().forEach(r -> kinds.add(r.kind()));
    Map<String, List<Resource>> liveById = new LinkedHashMap<>();
    for (Resource resource : live.resources()) {
      if (kinds.contains(resource.kind())) {
        liveById.computeIfAbsent(key(resource), k -> new ArrayList<>()).add(resource);
      }
    }
    Map<Resource, Boolean> matched = new IdentityHashMap<>();
    for (Resource declared : state.resources()) {
      List<Resource> candidates = liveById.getOrDefault(key(declared), List.of());
      if (candidates.isEmpty()) {
        out.missing(Rules.RESOURCE_MISSING, ResourceRef.of(declared))
            .severity(Severity.MEDIUM)
            .fix(
                "terraform apply re-creates it; if it was deleted on purpose, remove it from the"
                    + " configuration (or terraform state rm)")
            .add(Kinds.label(declared.kind()) + " is in state but not live");
        continue;
      }
      Resource actual = candidates.get(0);
      matched.put(actual, true);
      compare(declared, normalizer.normalize(declared, actual), out);
    }
    for (List<Resource> candidates : liveById.values()) {
      for (Resource actual : candidates) {
        if (!matched.containsKey(actual) && !actual.meta().cloudDefault()) {
          out.unmanaged(Rules.RESOURCE_UNMANAGED, ResourceRef.of(actual))
              .fix("import it into this state if it belongs here; nothing to do if another owns it")
              .add(Kinds.label(actual.kind()) + " is live but not in this state");
        }
      }
    }
    return new Report(Comparison.DRIFT, state.source(), live.source(), out.list());
  }

  private static void compare(Resource declared, Resource actual, Findings out) {
    if (declared instanceof FirewallRuleSet s && actual instanceof FirewallRuleSet l) {
      FirewallDrift.compare(s, l, out);
    }
    AttributeDrift.compare(declared, actual, out);
  }

  private static String key(Resource resource) {
    return resource.kind() + "/" + resource.meta().idKey();
  }
}
