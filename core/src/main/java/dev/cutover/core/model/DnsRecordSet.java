package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * A DNS record set: a Route 53 record set (all its weighted members together), an Azure Traffic
 * Manager profile, or an Azure DNS record set.
 *
 * @param fqdn fully qualified name without the trailing dot, lower case
 * @param type {@code A}, {@code AAAA}, {@code CNAME}, ...
 * @param ttlSeconds TTL in seconds
 * @param routing {@code simple|weighted|priority|performance|...}
 * @param members one per Route 53 {@code SetIdentifier} or Traffic Manager endpoint; a simple
 *     record has one member holding its values
 * @param zone the Route 53 hosted zone id (without {@code /hostedzone/}) or the Azure DNS zone name
 *     (lower case, no trailing dot); null for a Traffic Manager profile
 * @param monitor the Traffic Manager profile's endpoint monitor in one line ({@code
 *     https:443/healthz interval=30s timeout=10s tolerated=3}), which evaluates every member's
 *     health; null where there is none (Route 53 members carry their own {@link
 *     Member#healthCheck()})
 */
public record DnsRecordSet(
    @JsonUnwrapped ResourceMeta meta,
    String fqdn,
    String type,
    Long ttlSeconds,
    String routing,
    List<Member> members,
    String zone,
    String monitor)
    implements Resource {

  public DnsRecordSet {
    Objects.requireNonNull(meta, "meta");
    members = members == null ? List.of() : List.copyOf(members);
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.DNS_RECORD_SET;
  }

  @Override
  public DnsRecordSet withMeta(ResourceMeta newMeta) {
    return new DnsRecordSet(newMeta, fqdn, type, ttlSeconds, routing, members, zone, monitor);
  }

  /**
   * One weighted member.
   *
   * @param id Route 53 {@code SetIdentifier} or the Traffic Manager endpoint name
   * @param weight the provider's own weight (Route 53 0–255, Traffic Manager 1–1000)
   * @param enabled false for a disabled Traffic Manager endpoint
   * @param target the value or alias target it answers with
   * @param healthCheck the Route 53 {@code HealthCheckId}, {@code evaluate-target-health} for an
   *     alias that evaluates its target's health, or null if the member's health is not evaluated
   *     (Traffic Manager members are evaluated by the profile's {@code monitor})
   */
  public record Member(
      String id, Integer weight, Boolean enabled, String target, String healthCheck) {}
}
