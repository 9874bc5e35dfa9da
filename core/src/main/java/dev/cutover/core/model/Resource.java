package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A canonical resource: one of the kinds every provider maps its native resources to, so that one
 * engine compares state with live and one cloud with another.
 *
 * <p>The JSON form (DESIGN.md, "Machine-readable output") flattens {@link #meta()} into the object
 * beside {@code kind} and the kind's own fields; {@link dev.cutover.core.json.Json} reads and
 * writes it, through the type id and {@code @JsonUnwrapped}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Network.class, name = "network"),
  @JsonSubTypes.Type(value = Subnet.class, name = "subnet"),
  @JsonSubTypes.Type(value = FirewallRuleSet.class, name = "firewall"),
  @JsonSubTypes.Type(value = LoadBalancer.class, name = "load_balancer"),
  @JsonSubTypes.Type(value = Database.class, name = "database"),
  @JsonSubTypes.Type(value = DnsRecordSet.class, name = "dns_record_set")
})
public sealed interface Resource
    permits Network, Subnet, FirewallRuleSet, LoadBalancer, Database, DnsRecordSet {

  ResourceKind kind();

  ResourceMeta meta();

  /** A copy with other meta (used to attach a Terraform address, or to normalise the id). */
  Resource withMeta(ResourceMeta meta);
}
