package dev.cutover.azure;

import static dev.cutover.azure.ArmPages.text;

import com.azure.resourcemanager.dns.fluent.DnsManagementClient;
import com.azure.resourcemanager.dns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.dns.fluent.models.ZoneInner;
import com.azure.resourcemanager.dns.models.ARecord;
import com.azure.resourcemanager.dns.models.RecordType;
import com.azure.resourcemanager.trafficmanager.fluent.TrafficManagerManagementClient;
import com.azure.resourcemanager.trafficmanager.fluent.models.EndpointInner;
import com.azure.resourcemanager.trafficmanager.fluent.models.ProfileInner;
import com.azure.resourcemanager.trafficmanager.models.EndpointStatus;
import com.azure.resourcemanager.trafficmanager.models.MonitorConfig;
import dev.cutover.azure.canonical.AzureDns;
import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Traffic Manager profiles ({@code azure-resourcemanager-trafficmanager}: {@code
 * Profiles_List[BySubscription|ByResourceGroup]}; endpoints come inside each profile) and Azure DNS
 * {@code A}/{@code CNAME} record sets ({@code azure-resourcemanager-dns}: {@code Zones_List}, then
 * {@code RecordSets_ListByType} per zone and type, paginated).
 */
final class LiveDns {

  static final String PROFILE_TYPE = "Microsoft.Network/trafficManagerProfiles";
  static final String RECORD_TYPE_PREFIX = "Microsoft.Network/dnsZones/";

  private final ArmPages pages;

  LiveDns(ArmPages pages) {
    this.pages = pages;
  }

  void trafficManager(TrafficManagerManagementClient client, Consumer<Resource> sink) {
    pages.inScope(
        "list Traffic Manager profiles",
        "Microsoft.Network/trafficManagerProfiles/read",
        client.getProfiles()::list,
        client.getProfiles()::listByResourceGroup,
        profile -> sink.accept(profile(profile)));
  }

  void records(DnsManagementClient client, Consumer<Resource> sink) {
    List<ZoneInner> zones = new ArrayList<>();
    pages.inScope(
        "list DNS zones",
        "Microsoft.Network/dnsZones/read",
        client.getZones()::list,
        client.getZones()::listByResourceGroup,
        zones::add);
    for (ZoneInner zone : zones) {
      String zoneGroup = AzureIds.resourceGroup(zone.id());
      for (RecordType type : List.of(RecordType.A, RecordType.CNAME)) {
        pages.each(
            "list " + type + " records of DNS zone " + zone.name(),
            "Microsoft.Network/dnsZones/" + type + "/read",
            () -> client.getRecordSets().listByType(zoneGroup, zone.name(), type),
            record -> sink.accept(record(zone, type, record)));
      }
    }
  }

  private static Resource profile(ProfileInner profile) {
    List<AzureDns.Endpoint> endpoints = new ArrayList<>();
    for (EndpointInner endpoint :
        profile.endpoints() == null ? List.<EndpointInner>of() : profile.endpoints()) {
      String type = endpoint.type() == null ? "" : endpoint.type().toLowerCase(Locale.ROOT);
      boolean byResource = type.endsWith("/azureendpoints") || type.endsWith("/nestedendpoints");
      endpoints.add(
          new AzureDns.Endpoint(
              endpoint.name(),
              endpoint.weight(),
              endpoint.endpointStatus() == null
                  ? null
                  : EndpointStatus.ENABLED.equals(endpoint.endpointStatus()),
              byResource ? endpoint.targetResourceId() : endpoint.target()));
    }
    MonitorConfig monitor = profile.monitorConfig();
    var dns = profile.dnsConfig();
    return AzureDns.trafficManager(
        ArmPages.meta(
            profile.id(), profile.name(), PROFILE_TYPE, profile.location(), profile.tags()),
        dns == null ? null : dns.fqdn(),
        dns == null ? null : dns.relativeName(),
        dns == null ? null : dns.ttl(),
        text(profile.trafficRoutingMethod()),
        endpoints,
        monitor == null
            ? null
            : new AzureDns.Monitor(
                text(monitor.protocol()),
                monitor.port(),
                monitor.path(),
                monitor.intervalInSeconds(),
                monitor.timeoutInSeconds(),
                monitor.toleratedNumberOfFailures()));
  }

  private static Resource record(ZoneInner zone, RecordType type, RecordSetInner record) {
    List<String> values =
        type == RecordType.A
            ? (record.aRecords() == null
                ? List.of()
                : record.aRecords().stream()
                    .map(ARecord::ipv4Address)
                    .filter(Objects::nonNull)
                    .toList())
            : record.cnameRecord() == null || record.cnameRecord().cname() == null
                ? List.of()
                : List.of(record.cnameRecord().cname());
    return AzureDns.record(
        ArmPages.meta(
            record.id(), record.name(), RECORD_TYPE_PREFIX + type, null, record.metadata()),
        type.toString(),
        record.name(),
        zone.name(),
        record.fqdn(),
        record.ttl(),
        values,
        record.targetResource() == null ? null : record.targetResource().id());
  }
}
