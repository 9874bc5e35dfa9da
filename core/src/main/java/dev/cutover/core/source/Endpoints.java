package dev.cutover.core.source;

import java.net.URI;
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

  /** The override for a provider id, or null for its default. */
  public URI forCloud(String cloud) {
    return byCloud.get(cloud);
  }
}
