package dev.cutover.azure.state;

import static dev.cutover.azure.state.StateSupport.first;

import dev.cutover.azure.canonical.AzureDns;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code azurerm_traffic_manager_profile} with its {@code
 * azurerm_traffic_manager_external_endpoint} and {@code azurerm_traffic_manager_azure_endpoint}
 * (merged by {@code profile_id}), {@code azurerm_dns_a_record} and {@code
 * azurerm_dns_cname_record}, as the hashicorp/azurerm provider writes them.
 */
final class StateDns {

  static final String PROFILE = "azurerm_traffic_manager_profile";
  static final String EXTERNAL_ENDPOINT = "azurerm_traffic_manager_external_endpoint";
  static final String AZURE_ENDPOINT = "azurerm_traffic_manager_azure_endpoint";
  static final String A_RECORD = "azurerm_dns_a_record";
  static final String CNAME_RECORD = "azurerm_dns_cname_record";

  private record Profile(
      ResourceMeta meta,
      String fqdn,
      String relativeName,
      Long ttl,
      String routing,
      AzureDns.Monitor monitor) {}

  private StateDns() {}

  /**
   * One record set per profile. An endpoint's target is {@code target} (external) or {@code
   * target_resource_id} (Azure); {@code enabled} is the {@code enabled} flag, or {@code
   * endpoint_status == Enabled} in provider versions that wrote that instead. Endpoints whose
   * profile is not in the state form a record set of their own keyed by {@code profile_id}.
   */
  static List<Resource> trafficManager(
      List<StateResource> profiles, List<StateResource> endpoints) {
    Map<String, Profile> byId = new LinkedHashMap<>();
    StateSupport.each(
        profiles,
        profile -> {
          ResourceMeta meta = StateSupport.meta(profile);
          Map<String, Object> dns = first(profile.attributes(), "dns_config");
          Map<String, Object> monitor = first(profile.attributes(), "monitor_config");
          byId.put(
              meta.idKey(),
              new Profile(
                  meta,
                  profile.string("fqdn"),
                  Attributes.string(dns, "relative_name"),
                  toLong(Attributes.integer(dns, "ttl")),
                  profile.string("traffic_routing_method"),
                  monitor.isEmpty()
                      ? null
                      : new AzureDns.Monitor(
                          Attributes.string(monitor, "protocol"),
                          toLong(Attributes.integer(monitor, "port")),
                          Attributes.string(monitor, "path"),
                          toLong(Attributes.integer(monitor, "interval_in_seconds")),
                          toLong(Attributes.integer(monitor, "timeout_in_seconds")),
                          toLong(Attributes.integer(monitor, "tolerated_number_of_failures")))));
        });
    Map<String, List<AzureDns.Endpoint>> endpointsOf = new LinkedHashMap<>();
    StateSupport.each(
        endpoints,
        endpoint -> {
          String profileId = endpoint.string("profile_id");
          if (profileId == null) {
            return;
          }
          ResourceMeta parent = StateSupport.parentMeta(profileId, PROFILE);
          byId.putIfAbsent(parent.idKey(), new Profile(parent, null, null, null, null, null));
          String target =
              endpoint.type().equals(AZURE_ENDPOINT)
                  ? endpoint.string("target_resource_id")
                  : endpoint.string("target");
          endpointsOf
              .computeIfAbsent(parent.idKey(), k -> new ArrayList<>())
              .add(
                  new AzureDns.Endpoint(
                      endpoint.string("name"),
                      toLong(endpoint.integer("weight")),
                      enabled(endpoint),
                      target));
        });
    List<Resource> resources = new ArrayList<>();
    byId.forEach(
        (key, p) ->
            resources.add(
                AzureDns.trafficManager(
                    p.meta(),
                    p.fqdn(),
                    p.relativeName(),
                    p.ttl(),
                    p.routing(),
                    endpointsOf.getOrDefault(key, List.of()),
                    p.monitor())));
    return resources;
  }

  /** {@code records} of an A record, {@code record} of a CNAME, or the alias target. */
  static List<Resource> records(List<StateResource> records) {
    List<Resource> resources = new ArrayList<>();
    StateSupport.each(
        records,
        record -> {
          boolean a = record.type().equals(A_RECORD);
          resources.add(
              AzureDns.record(
                  StateSupport.meta(record),
                  a ? "A" : "CNAME",
                  record.string("name"),
                  record.string("zone_name"),
                  record.string("fqdn"),
                  toLong(record.integer("ttl")),
                  a ? record.strings("records") : record.strings("record"),
                  record.string("target_resource_id")));
        });
    return resources;
  }

  private static Boolean enabled(StateResource endpoint) {
    Boolean enabled = endpoint.bool("enabled");
    if (enabled != null) {
      return enabled;
    }
    String status = endpoint.string("endpoint_status");
    return status == null ? null : status.equalsIgnoreCase("Enabled");
  }

  private static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }
}
