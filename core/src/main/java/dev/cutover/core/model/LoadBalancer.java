package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * An AWS ALB/NLB, an Azure Application Gateway or an Azure Load Balancer. Fields the source does
 * not tell are null (lists empty).
 *
 * @param scheme {@code internet} or {@code internal}
 * @param layer 7 (ALB, Application Gateway) or 4 (NLB, Azure Load Balancer)
 * @param listeners what the load balancer accepts
 * @param healthProbes how it decides a backend is healthy
 * @param idleTimeoutSeconds connection idle timeout in seconds (ALB {@code
 *     idle_timeout.timeout_seconds}, Azure LB rule {@code idleTimeoutInMinutes} × 60, Application
 *     Gateway backend-settings {@code requestTimeout}); null if unknown
 * @param routes host/path routing: ALB listener rules, Application Gateway request-routing rules
 *     and path maps, Azure LB rules
 * @param backends target groups / backend pools with their settings
 * @param deletionProtection ALB {@code deletion_protection.enabled}; null where the cloud has none
 * @param sku the cloud's type or SKU: {@code application}/{@code network} (AWS), {@code
 *     Standard_v2}, {@code WAF_v2}, {@code Standard} (Azure)
 * @param capacity fixed instance count or autoscale minimum (Application Gateway); null otherwise
 * @param waf true if a web application firewall is attached (Application Gateway WAF, ALB WAFv2
 *     association when known); null if unknown
 */
public record LoadBalancer(
    @JsonUnwrapped ResourceMeta meta,
    String scheme,
    Integer layer,
    List<Listener> listeners,
    List<HealthProbe> healthProbes,
    Integer idleTimeoutSeconds,
    List<Route> routes,
    List<Backend> backends,
    Boolean deletionProtection,
    String sku,
    Integer capacity,
    Boolean waf)
    implements Resource {

  public LoadBalancer {
    Objects.requireNonNull(meta, "meta");
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    healthProbes = healthProbes == null ? List.of() : List.copyOf(healthProbes);
    routes = routes == null ? List.of() : List.copyOf(routes);
    backends = backends == null ? List.of() : List.copyOf(backends);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.LOAD_BALANCER;
  }

  @Override
  public LoadBalancer withMeta(ResourceMeta newMeta) {
    return new LoadBalancer(
        newMeta,
        scheme,
        layer,
        listeners,
        healthProbes,
        idleTimeoutSeconds,
        routes,
        backends,
        deletionProtection,
        sku,
        capacity,
        waf);
  }

  /**
   * A listener (ALB/NLB listener, Application Gateway HTTP listener with its frontend port, Azure
   * LB rule frontend).
   *
   * @param protocol {@code http|https|tcp|udp|tls}
   * @param port the frontend port
   * @param tlsPolicy the TLS/SSL policy name ({@code ELBSecurityPolicy-TLS13-1-2-2021-06}, {@code
   *     AppGwSslPolicy20220101}); null for plain protocols or the cloud default
   * @param certificate true if a server certificate is attached; null for plain protocols
   */
  public record Listener(String protocol, Integer port, String tlsPolicy, Boolean certificate) {}

  /**
   * A health probe.
   *
   * @param protocol {@code http|https|tcp}
   * @param port probed port; null for "the traffic port"
   * @param path probed path for HTTP(S); null otherwise
   * @param intervalSeconds seconds between probes
   * @param timeoutSeconds seconds before a probe counts as failed
   * @param healthyThreshold consecutive successes before a backend is healthy again
   * @param unhealthyThreshold consecutive failures before a backend is taken out
   * @param matcher accepted status codes ({@code 200}, {@code 200-399}); null for TCP
   * @param backend the target group / backend it probes; null if not tied to one
   */
  public record HealthProbe(
      String protocol,
      Integer port,
      String path,
      Integer intervalSeconds,
      Integer timeoutSeconds,
      Integer healthyThreshold,
      Integer unhealthyThreshold,
      String matcher,
      String backend) {}

  /**
   * A routing rule.
   *
   * @param listenerPort the port of the listener it belongs to
   * @param priority the rule priority (ALB 1–50000, Application Gateway 1–20000); null for a
   *     default action
   * @param hosts host-header conditions; empty for any
   * @param paths path-pattern conditions; empty for any
   * @param action {@code forward|redirect|fixed-response}
   * @param backend the target group / backend pool it forwards to; null for other actions
   */
  public record Route(
      Integer listenerPort,
      Integer priority,
      List<String> hosts,
      List<String> paths,
      String action,
      String backend) {
    public Route {
      hosts = hosts == null ? List.of() : List.copyOf(hosts);
      paths = paths == null ? List.of() : List.copyOf(paths);
    }
  }

  /**
   * A backend: an AWS target group, an Application Gateway backend pool with its settings, an Azure
   * LB backend pool.
   *
   * @param name its name
   * @param protocol protocol to the targets ({@code http|https|tcp})
   * @param port port on the targets
   * @param targets number of registered targets / addresses; null if unknown
   */
  public record Backend(String name, String protocol, Integer port, Integer targets) {}
}
