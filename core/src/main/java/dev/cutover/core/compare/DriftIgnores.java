package dev.cutover.core.compare;

import dev.cutover.core.model.ResourceKind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Attributes drift never reports, per kind: values that change by design without Terraform.
 * Read-only, always-changing API fields (RDS {@code latest_restorable_time}, ...) are not carried
 * by the canonical model at all; this list holds what the model carries but something else owns.
 * Paths use {@code [*]} for any element key.
 */
final class DriftIgnores {

  private static final Map<ResourceKind, Set<String>> IGNORED =
      Map.of(
          // The switch owns weights; Terraform modules ignore_changes them (DESIGN.md).
          ResourceKind.DNS_RECORD_SET, Set.of("members[*].weight"),
          // Registered targets follow autoscaling.
          ResourceKind.LOAD_BALANCER, Set.of("backends[*].targets"));

  private DriftIgnores() {}

  /** The ignored paths per kind, sorted (for the documentation). */
  static Map<ResourceKind, Set<String>> entries() {
    Map<ResourceKind, Set<String>> sorted = new TreeMap<>();
    IGNORED.forEach((kind, paths) -> sorted.put(kind, new TreeSet<>(paths)));
    return sorted;
  }

  /** True if drift does not report this attribute path ({@code members[blue].weight}). */
  static boolean ignored(ResourceKind kind, String path) {
    String pattern = path.replaceAll("\\[[^]]*]", "[*]");
    return IGNORED.getOrDefault(kind, Set.of()).contains(pattern);
  }
}
