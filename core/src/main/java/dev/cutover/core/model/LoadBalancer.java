package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * An AWS ALB/NLB, an Azure Application Gateway or Azure Load Balancer.
 *
 * @param scheme {@code internet} or {@code internal}
 * @param layer 7 (ALB, Application Gateway) or 4 (NLB, Azure Load Balancer)
 * @param listeners what the load balancer accepts
 * @param healthProbes how it decides a backend is healthy
 * @param idleTimeoutSeconds connection idle timeout in seconds; null if unknown
 */
public record LoadBalancer(
    @JsonUnwrapped ResourceMeta meta,
    String scheme,
    Integer layer,
    List<Listener> listeners,
    List<HealthProbe> healthProbes,
    Integer idleTimeoutSeconds)
    implements Resource {

  public LoadBalancer {
    Objects.requireNonNull(meta, "meta");
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    healthProbes = healthProbes == null ? List.of() : List.copyOf(healthProbes);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.LOAD_BALANCER;
  }

  @Override
  public LoadBalancer withMeta(ResourceMeta newMeta) {
    return new LoadBalancer(newMeta, scheme, layer, listeners, healthProbes, idleTimeoutSeconds);
  }

  /**
   * A listener.
   *
   * @param protocol {@code http|https|tcp|udp|tls}
   * @param port the frontend port
   * @param tlsPolicy the TLS/SSL policy name; null for plain protocols
   */
  public record Listener(String protocol, Integer port, String tlsPolicy) {}

  /**
   * A health probe.
   *
   * @param protocol {@code http|https|tcp}
   * @param port probed port; null for "the traffic port"
   * @param path probed path for HTTP(S); null otherwise
   * @param intervalSeconds seconds between probes
   * @param unhealthyThreshold consecutive failures before a backend is taken out
   */
  public record HealthProbe(
      String protocol,
      Integer port,
      String path,
      Integer intervalSeconds,
      Integer unhealthyThreshold) {}
}
