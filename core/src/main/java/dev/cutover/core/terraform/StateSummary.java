package dev.cutover.core.terraform;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a state file held, beside the resources handed to the sink.
 *
 * @param format {@code v4} for a state file ({@code terraform.tfstate}, {@code terraform state
 *     pull}), {@code show-json} for {@code terraform show -json} output
 * @param terraformVersion the Terraform version that wrote it; null if not recorded
 * @param serial the state serial (v4); null for show-json
 * @param lineage the state lineage (v4); null for show-json
 * @param managedCounts number of managed resource instances per Terraform type, all types (not only
 *     those handed to the sink); deposed objects included; data sources excluded
 */
public record StateSummary(
    String format,
    String terraformVersion,
    Long serial,
    String lineage,
    Map<String, Integer> managedCounts) {

  public StateSummary {
    managedCounts = managedCounts == null ? Map.of() : Map.copyOf(new TreeMap<>(managedCounts));
  }

  /** All managed resource instances of all types. */
  public int managedTotal() {
    return managedCounts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
