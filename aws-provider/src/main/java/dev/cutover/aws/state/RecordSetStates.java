package dev.cutover.aws.state;

import dev.cutover.aws.mapping.RecordSets;
import dev.cutover.core.model.Resource;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_route53_record} to {@link dev.cutover.core.model.DnsRecordSet} through {@link
 * RecordSets#group}: one set per zone, name and type; weighted records with their {@code
 * set_identifier} become its members. Attributes as the Terraform AWS provider writes them: {@code
 * zone_id}, {@code fqdn} (else {@code name}), {@code type}, {@code ttl}, {@code records}, {@code
 * set_identifier}, {@code health_check_id}, {@code alias} ({@code name}, {@code
 * evaluate_target_health}) and one routing policy block ({@code weighted_routing_policy}, {@code
 * failover_routing_policy}, {@code latency_routing_policy}, {@code geolocation_routing_policy},
 * {@code geoproximity_routing_policy}, {@code cidr_routing_policy}) or {@code
 * multivalue_answer_routing_policy}; none is {@code simple}.
 */
final class RecordSetStates {

  static final String RECORD = "aws_route53_record";
  static final Set<String> TYPES = Set.of(RECORD);

  private static final String[][] POLICIES = {
    {"weighted_routing_policy", "weighted"},
    {"failover_routing_policy", "failover"},
    {"latency_routing_policy", "latency"},
    {"geolocation_routing_policy", "geolocation"},
    {"geoproximity_routing_policy", "geoproximity"},
    {"cidr_routing_policy", "cidr"},
  };

  private RecordSetStates() {}

  static List<Resource> map(List<StateResource> instances) {
    List<RecordSets.Record> records = new ArrayList<>();
    for (StateResource record : StateMeta.ofTypes(instances, TYPES)) {
      String zone = record.string("zone_id");
      String name = StateMeta.first(record, "fqdn", "name");
      String type = record.string("type");
      if (zone == null || name == null || type == null) {
        StateMeta.skipped(record, "zone_id, name and type");
        continue;
      }
      Map<String, Object> alias = record.blocks("alias").stream().findFirst().orElse(Map.of());
      Integer ttl = record.integer("ttl");
      records.add(
          new RecordSets.Record(
              zone,
              name,
              type,
              record.string("set_identifier"),
              ttl == null ? null : ttl.longValue(),
              routing(record),
              record.blocks("weighted_routing_policy").stream()
                  .findFirst()
                  .map(policy -> Attributes.integer(policy, "weight"))
                  .orElse(null),
              record.strings("records"),
              Attributes.string(alias, "name"),
              Attributes.bool(alias, "evaluate_target_health"),
              record.string("health_check_id"),
              record.address()));
    }
    return List.copyOf(RecordSets.group(records, RECORD));
  }

  private static String routing(StateResource record) {
    for (String[] policy : POLICIES) {
      if (!record.blocks(policy[0]).isEmpty()) {
        return policy[1];
      }
    }
    return Boolean.TRUE.equals(record.bool("multivalue_answer_routing_policy"))
        ? "multivalue"
        : "simple";
  }
}
