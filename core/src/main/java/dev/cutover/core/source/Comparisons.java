package dev.cutover.core.source;

import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Comparison;
import dev.cutover.core.compare.Drift;
import dev.cutover.core.compare.Pairing;
import dev.cutover.core.compare.Parity;
import dev.cutover.core.compare.Report;
import dev.cutover.core.env.EnvironmentConfig;
import dev.cutover.core.env.SideConfig;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.CloudProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs drift and parity from {@link InventorySpec}s or an environment's {@code cutover.yaml}: loads
 * each side through {@link InventorySources} and hands the inventories to {@link Drift} or {@link
 * Parity}.
 */
public final class Comparisons {

  private final InventorySources sources;

  public Comparisons(InventorySources sources) {
    this.sources = sources;
  }

  /**
   * Drift of one cloud: the resources of {@code live}'s cloud in a state against that cloud live.
   * The live scan reads only the kinds the state holds, and the provider's {@link
   * CloudProvider#driftNormalizer()} applies.
   *
   * @param state a {@code state:} or {@code snapshot:} source
   * @param live a live cloud
   * @throws CutoverException for a {@code live} that names a file (as {@code --live}), an unknown
   *     cloud, a state without resources of that cloud, or as {@link
   *     InventorySources#load(InventorySpec)}
   */
  public Report drift(InventorySpec state, InventorySpec live) {
    CloudProvider provider = sources.provider(live.requireLive("--live"));
    Inventory fromState = sources.load(state);
    List<Resource> ofCloud =
        fromState.resources().stream()
            .filter(r -> r.meta().cloud().equalsIgnoreCase(provider.id()))
            .toList();
    if (ofCloud.isEmpty()) {
      throw new CutoverException(
          state.path()
              + ": holds no "
              + provider.id()
              + " resources of a supported type, so there is nothing to compare with "
              + live,
          "check that the state belongs to " + live,
          false,
          null);
    }
    Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
    ofCloud.forEach(r -> kinds.add(r.kind()));
    Inventory fromLive = sources.load(live, kinds);
    Report report =
        Drift.compare(
            new Inventory(fromState.source(), ofCloud), fromLive, provider.driftNormalizer());
    return sources.readsSandbox(live) ? report.fromSandbox() : report;
  }

  /**
   * Drift of every side of an environment that names both a {@code state} and a {@code live}
   * source, as one report (findings of both sides; {@code left}/{@code right} list the sides).
   *
   * @throws CutoverException if no side has both, or a side's {@code live} names a file rather than
   *     a live cloud (naming the file and the field)
   */
  public Report drift(EnvironmentConfig env) {
    List<Report> reports = new ArrayList<>();
    sides(env)
        .forEach(
            (name, side) -> {
              if (side.state() != null && side.live() != null) {
                String field = liveField(env, name);
                reports.add(
                    drift(
                        InventorySpec.state(env.resolve(side.state())),
                        liveSpec(env, field, side).requireLive(field)));
              }
            });
    if (reports.isEmpty()) {
      throw new CutoverException(
          file(env) + ": no side has both 'state:' and 'live:', so there is nothing to drift-check",
          "add 'state: aws/terraform.tfstate' and 'live: aws:us-east-1' under source: or target:",
          false,
          null);
    }
    return new Report(
        Comparison.DRIFT,
        reports.stream().map(Report::left).collect(Collectors.joining(", ")),
        reports.stream().map(Report::right).collect(Collectors.joining(", ")),
        reports.stream().flatMap(r -> r.findings().stream()).toList(),
        reports.stream().anyMatch(Report::sandbox));
  }

  /**
   * Parity of a source against a target.
   *
   * @throws CutoverException as {@link InventorySources#load(InventorySpec)}
   */
  public Report parity(InventorySpec source, InventorySpec target, Pairing pairing) {
    Inventory left = sources.load(source);
    Inventory right = sources.load(target);
    Report report = Parity.compare(left, right, pairing);
    return sources.readsSandbox(source) || sources.readsSandbox(target)
        ? report.fromSandbox()
        : report;
  }

  /**
   * Parity of an environment: each side from its {@code live} source when it names one, else from
   * its {@code state}; pairs from {@code pairs:}.
   *
   * @throws CutoverException for a side that names neither
   */
  public Report parity(EnvironmentConfig env) {
    return parity(
        sideSpec(env, env.source(), "source"),
        sideSpec(env, env.target(), "target"),
        Pairing.of(env.pairs()));
  }

  private static InventorySpec sideSpec(EnvironmentConfig env, SideConfig side, String name) {
    if (side == null || (side.live() == null && side.state() == null)) {
      throw new CutoverException(
          file(env) + ": '" + name + ":' needs 'live:' or 'state:'",
          "e.g. " + name + ": {live: aws:us-east-1, state: aws/terraform.tfstate}",
          false,
          null);
    }
    return side.live() != null
        ? liveSpec(env, liveField(env, name), side)
        : InventorySpec.state(env.resolve(side.state()));
  }

  /**
   * A side's {@code live:}; a {@code state:} or {@code snapshot:} path in it is relative to {@code
   * cutover.yaml}, like the side's {@code state:}.
   */
  private static InventorySpec liveSpec(EnvironmentConfig env, String field, SideConfig side) {
    return InventorySpec.parse(field, side.live(), env.dir());
  }

  /** How messages name a side's {@code live:}: {@code DIR/cutover.yaml source.live}. */
  private static String liveField(EnvironmentConfig env, String name) {
    return file(env) + " " + name + ".live";
  }

  /** The sides the file has, by name, source first. */
  private static Map<String, SideConfig> sides(EnvironmentConfig env) {
    Map<String, SideConfig> sides = new LinkedHashMap<>();
    if (env.source() != null) {
      sides.put("source", env.source());
    }
    if (env.target() != null) {
      sides.put("target", env.target());
    }
    return sides;
  }

  private static String file(EnvironmentConfig env) {
    return String.valueOf(env.resolve(EnvironmentConfig.FILE_NAME));
  }
}
