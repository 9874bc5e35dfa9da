package dev.cutover.core.source;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.TreeMap;

/**
 * API endpoint overrides per cloud (the sandbox, a sovereign cloud, a VPC endpoint), keyed by
 * provider id. A cloud without an entry uses its provider's default.
 *
 * @param byCloud provider id to endpoint
 */
public record Endpoints(Map<String, URI> byCloud) {

  public Endpoints {
    TreeMap<String, URI> copy = new TreeMap<>();
    if (byCloud != null) {
      byCloud.forEach(
          (cloud, uri) -> {
            if (uri != null) {
              copy.put(cloud, uri);
            }
          });
    }
    byCloud = java.util.Collections.unmodifiableMap(copy);
  }

  /** No overrides: every provider uses its default endpoint. */
  public static Endpoints none() {
    return new Endpoints(Map.of());
  }

  /** A copy with {@code cloud} sent to {@code endpoint} (null removes the override). */
  public Endpoints with(String cloud, URI endpoint) {
    Map<String, URI> copy = new TreeMap<>(byCloud);
    copy.put(cloud, endpoint);
    return new Endpoints(copy);
  }

  /** True if any override points at loopback: the run reads the sandbox, not a real cloud. */
  public boolean anyLoopback() {
    return byCloud.values().stream().anyMatch(Endpoints::isLoopback);
  }

  /**
   * True for {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}: the sandbox, never a real
   * cloud (RFC 6890: loopback addresses do not leave the host).
   */
  public static boolean isLoopback(URI endpoint) {
    if (endpoint == null || endpoint.getHost() == null) {
      return false;
    }
    String host = endpoint.getHost();
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The override for a provider id, or null for its default. */
  public URI forCloud(String cloud) {
    return byCloud.get(cloud);
  }
}
