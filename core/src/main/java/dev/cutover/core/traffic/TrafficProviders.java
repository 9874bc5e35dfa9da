package dev.cutover.core.traffic;

import dev.cutover.core.CutoverException;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.Providers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the router of a record scheme and the metric source of an id among the providers on the
 * class path, giving each provider its own endpoint override ({@code --aws-endpoint} to {@code
 * aws}, {@code --azure-endpoint} to {@code azure}).
 *
 * @param providers the providers to ask
 * @param endpoints provider id to endpoint override; a provider without one gets null (its default)
 */
public record TrafficProviders(Providers providers, Map<String, URI> endpoints) {

  public TrafficProviders {
    endpoints = Map.copyOf(endpoints);
  }

  /**
   * The router for {@code scheme}.
   *
   * @throws CutoverException naming the scheme and the providers if none serves it
   */
  public TrafficRouter router(String scheme) {
    for (CloudProvider provider : providers.all()) {
      Optional<TrafficRouter> router = provider.trafficRouter(scheme, endpoints.get(provider.id()));
      if (router.isPresent()) {
        return router.get();
      }
    }
    throw new CutoverException(
        "no provider serves records '"
            + scheme
            + ":' (providers: "
            + providers.ids()
            + "); expected route53:ZONE_ID/NAME/TYPE (aws) or"
            + " trafficmanager:SUBSCRIPTION/RESOURCE_GROUP/PROFILE (azure)");
  }

  /** The metric source {@code id}, or null if no provider serves it. */
  public MetricSource metricSource(String id) {
    for (CloudProvider provider : providers.all()) {
      Optional<MetricSource> source = provider.metricSource(id, endpoints.get(provider.id()));
      if (source.isPresent()) {
        return source.get();
      }
    }
    return null;
  }
}
