package dev.cutover.core.spi;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.TrafficRouter;
import java.net.URI;
import java.util.Optional;

/**
 * One cloud, found through {@link java.util.ServiceLoader} (each provider module lists its
 * implementation in {@code META-INF/services/dev.cutover.core.spi.CloudProvider}); see {@link
 * Providers}. Adding a cloud is a new module, not an edit of core.
 */
public interface CloudProvider {

  /** The id used on the command line and in JSON: {@code aws}, {@code azure}. */
  String id();

  /** Maps this cloud's Terraform resource types to canonical resources. */
  StateMapper stateMapper();

  /**
   * Reads the live resources of the requested kinds with bulk, paginated list calls.
   *
   * @throws dev.cutover.core.CutoverException for a malformed location, missing credentials, a
   *     refused call (naming the permission to grant), an unreachable endpoint
   */
  Inventory scan(LiveRequest request);

  /**
   * The traffic router for a record scheme this cloud serves ({@code route53}, {@code
   * trafficmanager}), or empty.
   *
   * @param endpoint an endpoint override (sandbox, sovereign cloud), or null for the default
   */
  default Optional<TrafficRouter> trafficRouter(String scheme, URI endpoint) {
    return Optional.empty();
  }

  /**
   * The metric source with this id ({@code cloudwatch}, {@code azuremonitor}), or empty.
   *
   * @param endpoint an endpoint override, or null for the default
   */
  default Optional<MetricSource> metricSource(String id, URI endpoint) {
    return Optional.empty();
  }

  /** This cloud's drift normalisation; none by default. */
  default DriftNormalizer driftNormalizer() {
    return DriftNormalizer.NONE;
  }
}
