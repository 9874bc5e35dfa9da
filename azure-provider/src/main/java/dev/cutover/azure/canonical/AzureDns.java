package dev.cutover.azure.canonical;

import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.ResourceMeta;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Traffic Manager profiles and Azure DNS record sets as canonical {@link DnsRecordSet}s, the same
 * way from Terraform state and from the ARM API.
 */
public final class AzureDns {

  /** The DNS suffix of Traffic Manager profiles in the public cloud. */
  public static final String TRAFFIC_MANAGER_SUFFIX = "trafficmanager.net";

  /**
   * A Traffic Manager endpoint.
   *
   * @param name the endpoint name (the member id)
   * @param weight 1–1000; null if not set
   * @param enabled false for a disabled endpoint
   * @param target the external target (FQDN or IP), or the target resource id of an Azure or nested
   *     endpoint
   */
  public record Endpoint(String name, Long weight, Boolean enabled, String target) {}

  /**
   * A profile's endpoint monitor; seconds.
   *
   * @param protocol {@code HTTP}, {@code HTTPS} or {@code TCP}
   */
  public record Monitor(
      String protocol,
      Long port,
      String path,
      Long intervalSeconds,
      Long timeoutSeconds,
      Long toleratedFailures) {

    /**
     * One line, e.g. {@code https:443/healthz interval=30s timeout=10s tolerated=3}; {@code tcp:443
     * ...} without a path. Null when the profile has no monitor protocol.
     */
    public String describe() {
      if (protocol == null || protocol.isBlank()) {
        return null;
      }
      StringBuilder text = new StringBuilder(protocol.toLowerCase(Locale.ROOT));
      if (port != null) {
        text.append(':').append(port);
      }
      if (path != null && !path.isBlank()) {
        text.append(path.startsWith("/") ? "" : "/").append(path);
      }
      if (intervalSeconds != null) {
        text.append(" interval=").append(intervalSeconds).append('s');
      }
      if (timeoutSeconds != null) {
        text.append(" timeout=").append(timeoutSeconds).append('s');
      }
      if (toleratedFailures != null) {
        text.append(" tolerated=").append(toleratedFailures);
      }
      return text.toString();
    }
  }

  private AzureDns() {}

  /**
   * One record set per Traffic Manager profile: type {@code CNAME} (Traffic Manager answers with a
   * CNAME to the chosen endpoint: "How Traffic Manager works",
   * learn.microsoft.com/azure/traffic-manager/traffic-manager-how-it-works), {@code routing} the
   * lower-cased {@code trafficRoutingMethod} ({@code weighted}, {@code priority}, {@code
   * performance}, ...), one member per endpoint, {@code monitor} as {@link Monitor#describe()}.
   *
   * @param fqdn the profile's FQDN when known, else null and {@code
   *     <relativeName>.trafficmanager.net} is used
   * @param ttlSeconds the profile's DNS TTL in seconds
   */
  public static DnsRecordSet trafficManager(
      ResourceMeta meta,
      String fqdn,
      String relativeName,
      Long ttlSeconds,
      String routingMethod,
      List<Endpoint> endpoints,
      Monitor monitor) {
    String name =
        fqdn != null && !fqdn.isBlank()
            ? fqdn
            : relativeName == null ? null : relativeName + "." + TRAFFIC_MANAGER_SUFFIX;
    List<DnsRecordSet.Member> members =
        endpoints.stream()
            .map(
                e ->
                    new DnsRecordSet.Member(
                        e.name(), toInt(e.weight()), e.enabled(), e.target(), null))
            .sorted(Comparator.comparing(m -> String.valueOf(m.id()).toLowerCase(Locale.ROOT)))
            .toList();
    return new DnsRecordSet(
        meta,
        fqdn(name),
        "CNAME",
        ttlSeconds,
        routingMethod == null ? null : routingMethod.toLowerCase(Locale.ROOT),
        members,
        null,
        monitor == null ? null : monitor.describe());
  }

  /**
   * An Azure DNS {@code A} or {@code CNAME} record set: routing {@code simple}, one member with no
   * id whose {@code target} is the record values sorted and joined by commas (a CNAME lower-cased
   * without its trailing dot), or the alias target resource id.
   *
   * @param relativeName the record name in the zone ({@code @} for the apex)
   * @param fqdn the record set's FQDN when known; else built from the name and zone
   */
  public static DnsRecordSet record(
      ResourceMeta meta,
      String type,
      String relativeName,
      String zone,
      String fqdn,
      Long ttlSeconds,
      List<String> values,
      String aliasTarget) {
    String name = fqdn;
    if (name == null || name.isBlank()) {
      name =
          relativeName == null || relativeName.equals("@") || zone == null
              ? zone
              : relativeName + "." + zone;
    }
    String target;
    if (aliasTarget != null && !aliasTarget.isBlank()) {
      target = aliasTarget;
    } else {
      target =
          String.join(
              ",",
              values.stream()
                  .filter(Objects::nonNull)
                  .map(v -> type.equalsIgnoreCase("CNAME") ? fqdn(v) : v)
                  .sorted()
                  .toList());
    }
    return new DnsRecordSet(
        meta,
        fqdn(name),
        type.toUpperCase(Locale.ROOT),
        ttlSeconds,
        "simple",
        List.of(new DnsRecordSet.Member(null, null, null, target.isEmpty() ? null : target, null)),
        zone == null ? null : fqdn(zone),
        null);
  }

  /** A DNS name in canonical form: lower case, no trailing dot; null stays null. */
  public static String fqdn(String name) {
    if (name == null) {
      return null;
    }
    String text = name.trim().toLowerCase(Locale.ROOT);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static Integer toInt(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }
}
