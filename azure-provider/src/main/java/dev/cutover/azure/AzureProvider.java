package dev.cutover.azure;

import com.azure.resourcemanager.dns.DnsZoneManager;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.postgresqlflexibleserver.PostgreSqlManager;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.trafficmanager.TrafficManager;
import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.azure.metrics.AzureMonitorMetricSource;
import dev.cutover.azure.state.AzureStateMapper;
import dev.cutover.azure.traffic.TrafficManagerRouter;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.traffic.MetricSource;
import dev.cutover.core.traffic.TrafficRouter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Microsoft Azure: {@code azurerm_*} state mapping ({@link AzureStateMapper}) and the live
 * inventory of a subscription or resource group through the Azure SDK for Java resource managers,
 * each built with {@code XManager.authenticate(clients.pipeline(), clients.profile())} from one
 * {@link AzureClients}.
 *
 * <p>Live location: {@code SUBSCRIPTION_ID[/RESOURCE_GROUP]} ({@link AzureLocation}). Per kind:
 *
 * <ul>
 *   <li>{@code network}, {@code subnet}: virtual networks with their subnets;
 *   <li>{@code firewall}: network security groups with their default rules;
 *   <li>{@code load_balancer}: Application Gateways and Load Balancers;
 *   <li>{@code database}: PostgreSQL Flexible Servers; Azure SQL databases, one paginated list per
 *       logical server;
 *   <li>{@code dns_record_set}: Traffic Manager profiles with their endpoints; Azure DNS {@code
 *       A}/{@code CNAME} record sets.
 * </ul>
 *
 * <p>Ids are ARM resource ids as ARM returns them; {@code nativeType} the ARM resource type. Only
 * the requested kinds are read; progress is reported once per API page.
 */
public final class AzureProvider implements CloudProvider {

  /** The provider id: {@code azure}. */
  public static final String ID = AzureIds.CLOUD;

  /**
   * The subscription the clients of the router and metric source are built with: both address
   * resources by their full ids (the router builds a profile per record's subscription), so none is
   * needed up front.
   */
  private static final String ANY_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private final AzureStateMapper stateMapper = new AzureStateMapper();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public StateMapper stateMapper() {
    return stateMapper;
  }

  /** {@code trafficmanager}: weighted endpoints of a Traffic Manager profile. */
  @Override
  public Optional<TrafficRouter> trafficRouter(String scheme, URI endpoint) {
    if (!TrafficManagerRouter.SCHEME.equals(scheme)) {
      return Optional.empty();
    }
    return Optional.of(new TrafficManagerRouter(new AzureClients(ANY_SUBSCRIPTION, endpoint)));
  }

  /** {@code azuremonitor}: Azure Monitor metrics of a resource given by its ARM id. */
  @Override
  public Optional<MetricSource> metricSource(String id, URI endpoint) {
    if (!AzureMonitorMetricSource.ID.equals(id)) {
      return Optional.empty();
    }
    return Optional.of(new AzureMonitorMetricSource(new AzureClients(ANY_SUBSCRIPTION, endpoint)));
  }

  /**
   * @throws dev.cutover.core.CutoverException for a malformed location, an {@code http://} endpoint
   *     that is not loopback, a refused call (naming the RBAC action to grant), throttling that
   *     outlasted the retries (retryable), an unreachable endpoint (retryable)
   */
  @Override
  public Inventory scan(LiveRequest request) {
    AzureLocation location = AzureLocation.parse(request.location());
    AzureClients clients = new AzureClients(location.subscription(), request.endpoint());
    ArmPages pages = new ArmPages(location, request.progress());
    List<Resource> resources = new ArrayList<>();
    NetworkManagementClient network = null;
    if (request.wants(ResourceKind.NETWORK)
        || request.wants(ResourceKind.SUBNET)
        || request.wants(ResourceKind.FIREWALL)
        || request.wants(ResourceKind.LOAD_BALANCER)) {
      network = NetworkManager.authenticate(clients.pipeline(), clients.profile()).serviceClient();
    }
    if (request.wants(ResourceKind.NETWORK) || request.wants(ResourceKind.SUBNET)) {
      new LiveNetworks(network, pages)
          .virtualNetworks(
              request.wants(ResourceKind.NETWORK),
              request.wants(ResourceKind.SUBNET),
              resources::add);
    }
    if (request.wants(ResourceKind.FIREWALL)) {
      new LiveNetworks(network, pages).securityGroups(resources::add);
    }
    if (request.wants(ResourceKind.LOAD_BALANCER)) {
      LiveLoadBalancers balancers = new LiveLoadBalancers(network, pages);
      balancers.appGateways(resources::add);
      balancers.loadBalancers(resources::add);
    }
    if (request.wants(ResourceKind.DATABASE)) {
      LiveDatabases databases = new LiveDatabases(pages);
      databases.postgres(
          PostgreSqlManager.authenticate(clients.pipeline(), clients.profile()), resources::add);
      databases.sql(
          SqlServerManager.authenticate(clients.pipeline(), clients.profile()).serviceClient(),
          resources::add);
    }
    if (request.wants(ResourceKind.DNS_RECORD_SET)) {
      LiveDns dns = new LiveDns(pages);
      dns.trafficManager(
          TrafficManager.authenticate(clients.pipeline(), clients.profile()).serviceClient(),
          resources::add);
      dns.records(
          DnsZoneManager.authenticate(clients.pipeline(), clients.profile()).serviceClient(),
          resources::add);
    }
    return new Inventory(ID + ":" + location, resources);
  }
}
