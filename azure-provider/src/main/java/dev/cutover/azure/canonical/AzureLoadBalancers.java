package dev.cutover.azure.canonical;

import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Azure Load Balancer as a canonical {@link LoadBalancer}, built the same way from Terraform
 * state ({@code azurerm_lb} with its {@code azurerm_lb_rule} and {@code azurerm_lb_probe}) and from
 * the ARM API.
 *
 * <ul>
 *   <li>{@code scheme} {@code internet} if a frontend IP configuration has a public IP (or prefix),
 *       {@code internal} if none has, null when the frontends are unknown (rules whose load
 *       balancer is not in the state); {@code layer} 4.
 *   <li>One listener and one route per load-balancing rule (protocol, frontend port; forward to the
 *       rule's backend pool).
 *   <li>{@code backends}: one per backend pool the rules use, with the first such rule's protocol
 *       and backend port; targets are not counted (NIC associations are separate resources).
 *   <li>{@code healthProbes}: both thresholds are the probe's {@code probeThreshold} ("the number
 *       of consecutive successful or failed probes in order to allow or deny traffic"), or {@code
 *       numberOfProbes} when no threshold is set; {@code backend} is the pool of the first rule
 *       that uses the probe.
 *   <li>{@code idleTimeoutSeconds}: the largest rule {@code idleTimeoutInMinutes} × 60.
 *   <li>{@code sku}: {@code Basic}, {@code Standard} or {@code Gateway}.
 * </ul>
 *
 * <p>Source: "Azure Load Balancer components" and "Load Balancer health probes" (Microsoft Learn,
 * learn.microsoft.com/azure/load-balancer/components, .../load-balancer-custom-probe-overview).
 */
public final class AzureLoadBalancers {

  /**
   * A load-balancing rule; pool and probe by name.
   *
   * @param idleTimeoutMinutes {@code idleTimeoutInMinutes}
   */
  public record Rule(
      String protocol,
      Integer frontendPort,
      Integer backendPort,
      String pool,
      String probe,
      Integer idleTimeoutMinutes) {}

  /** A health probe; interval in seconds. */
  public record Probe(
      String name,
      String protocol,
      Integer port,
      String path,
      Integer intervalSeconds,
      Integer probeThreshold,
      Integer numberOfProbes) {}

  private AzureLoadBalancers() {}

  /**
   * @param publicFrontend whether a frontend has a public IP; null if unknown
   * @param sku the SKU name, or null
   */
  public static LoadBalancer toLoadBalancer(
      ResourceMeta meta, Boolean publicFrontend, String sku, List<Rule> rules, List<Probe> probes) {
    List<LoadBalancer.Listener> listeners = new ArrayList<>();
    List<LoadBalancer.Route> routes = new ArrayList<>();
    Map<String, LoadBalancer.Backend> backends = new LinkedHashMap<>();
    Map<String, String> poolOfProbe = new LinkedHashMap<>();
    for (Rule rule : rules) {
      String protocol = AppGateways.lower(rule.protocol());
      listeners.add(new LoadBalancer.Listener(protocol, rule.frontendPort(), null, null));
      routes.add(
          new LoadBalancer.Route(
              rule.frontendPort(), null, List.of(), List.of(), "forward", rule.pool()));
      if (rule.pool() != null) {
        backends.putIfAbsent(
            AppGateways.key(rule.pool()),
            new LoadBalancer.Backend(rule.pool(), protocol, rule.backendPort(), null));
        if (rule.probe() != null) {
          poolOfProbe.putIfAbsent(AppGateways.key(rule.probe()), rule.pool());
        }
      }
    }
    List<LoadBalancer.HealthProbe> healthProbes = new ArrayList<>();
    for (Probe probe : probes) {
      Integer threshold =
          probe.probeThreshold() != null ? probe.probeThreshold() : probe.numberOfProbes();
      healthProbes.add(
          new LoadBalancer.HealthProbe(
              AppGateways.lower(probe.protocol()),
              probe.port(),
              probe.path() == null || probe.path().isBlank() ? null : probe.path(),
              probe.intervalSeconds(),
              null,
              threshold,
              threshold,
              null,
              poolOfProbe.get(AppGateways.key(probe.name()))));
    }
    listeners.sort(
        Comparator.comparing(LoadBalancer.Listener::port, Comparator.nullsFirst(Integer::compare))
            .thenComparing(
                LoadBalancer.Listener::protocol, Comparator.nullsFirst(String::compareTo)));
    routes.sort(
        Comparator.comparing(
                LoadBalancer.Route::listenerPort, Comparator.nullsFirst(Integer::compare))
            .thenComparing(r -> String.valueOf(r.backend())));
    healthProbes.sort(
        Comparator.comparing((LoadBalancer.HealthProbe p) -> String.valueOf(p.port()))
            .thenComparing(p -> String.valueOf(p.protocol()))
            .thenComparing(p -> String.valueOf(p.path())));
    List<LoadBalancer.Backend> sortedBackends =
        backends.values().stream()
            .sorted(Comparator.comparing(LoadBalancer.Backend::name))
            .toList();
    Integer idle =
        rules.stream()
            .map(Rule::idleTimeoutMinutes)
            .filter(Objects::nonNull)
            .max(Integer::compare)
            .map(minutes -> minutes * 60)
            .orElse(null);
    return new LoadBalancer(
        meta,
        publicFrontend == null ? null : publicFrontend ? "internet" : "internal",
        4,
        listeners,
        healthProbes,
        idle,
        routes,
        sortedBackends,
        null,
        sku,
        null,
        null);
  }
}
