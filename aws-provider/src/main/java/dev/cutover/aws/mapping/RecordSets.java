package dev.cutover.aws.mapping;

import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Groups Route 53 resource record sets into canonical {@link DnsRecordSet}s, the same way for
 * Terraform state ({@code aws_route53_record}) and for {@code ListResourceRecordSets}: one set per
 * hosted zone, name and type, with one member per {@code SetIdentifier}.
 *
 * <ul>
 *   <li>Id {@code ZONEID/name/TYPE} (the traffic switch's {@code route53:ZONE_ID/NAME/TYPE}): zone
 *       id without {@code /hostedzone/}, name as {@link #fqdn(String)}, type upper case.
 *   <li>TTL: the largest TTL of the members (what a resolver may cache longest); null for alias
 *       records, which take the target's TTL.
 *   <li>Member target: the alias DNS name, or the values sorted and joined with {@code ,}; names
 *       compared without case (RFC 4343) and without the trailing dot; TXT/SPF values without their
 *       quotes (as the Terraform AWS provider stores them).
 *   <li>Member health: the {@code HealthCheckId}, else {@code evaluate-target-health} for an alias
 *       that evaluates its target's health, else null.
 * </ul>
 */
public final class RecordSets {

  /** The member health marker of an alias with {@code EvaluateTargetHealth} and no health check. */
  public static final String EVALUATE_TARGET_HEALTH = "evaluate-target-health";

  private RecordSets() {}

  /**
   * One Route 53 resource record set (one member).
   *
   * @param zoneId hosted zone id, with or without {@code /hostedzone/}
   * @param name record name as given (any case, trailing dot or not, octal escapes)
   * @param setIdentifier {@code SetIdentifier}; null for a simple record
   * @param ttl TTL in seconds; null for an alias
   * @param routing the Route 53 policy ({@code simple|weighted|failover|latency|geolocation|
   *     geoproximity|cidr|multivalue}), stored in the canonical vocabulary shared with Traffic
   *     Manager's routing methods: failover is {@code priority}, latency {@code performance},
   *     geolocation {@code geographic}, cidr {@code subnet} (see {@link #canonicalRouting})
   * @param weight {@code Weight} (0–255) of a weighted record
   * @param values resource record values
   * @param aliasName alias target DNS name; null if not an alias
   * @param evaluateTargetHealth the alias's {@code EvaluateTargetHealth}
   * @param healthCheckId {@code HealthCheckId}
   * @param address the Terraform address, null live
   */
  public record Record(
      String zoneId,
      String name,
      String type,
      String setIdentifier,
      Long ttl,
      String routing,
      Integer weight,
      List<String> values,
      String aliasName,
      Boolean evaluateTargetHealth,
      String healthCheckId,
      String address) {
    public Record {
      values = values == null ? List.of() : List.copyOf(values);
      routing = canonicalRouting(routing);
    }
  }

  /**
   * The canonical routing name of a Route 53 routing policy, in Traffic Manager's vocabulary where
   * the two mean the same (Route 53 "Choosing a routing policy"; Traffic Manager "routing
   * methods"): failover answers the primary while healthy, as Priority does; latency answers the
   * lowest-latency region, as Performance does; geolocation answers by the user's location, as
   * Geographic does; IP-based (cidr) answers by client subnet, as Subnet does.
   */
  public static String canonicalRouting(String routing) {
    if (routing == null) {
      return null;
    }
    return switch (routing) {
      case "failover" -> "priority";
      case "latency" -> "performance";
      case "geolocation" -> "geographic";
      case "cidr" -> "subnet";
      default -> routing;
    };
  }

  /** The record sets, one per zone, name and type, in first-seen order. */
  public static List<DnsRecordSet> group(List<Record> records, String nativeType) {
    Map<String, List<Record>> byId = new LinkedHashMap<>();
    for (Record record : records) {
      byId.computeIfAbsent(
              id(record.zoneId(), record.name(), record.type()).toLowerCase(Locale.ROOT),
              k -> new ArrayList<>())
          .add(record);
    }
    List<DnsRecordSet> sets = new ArrayList<>();
    for (List<Record> members : byId.values()) {
      Record first = members.get(0);
      String fqdn = fqdn(first.name());
      String address =
          members.stream()
              .map(Record::address)
              .filter(Objects::nonNull)
              .min(Comparator.naturalOrder())
              .orElse(null);
      Long ttl =
          members.stream()
              .map(Record::ttl)
              .filter(Objects::nonNull)
              .max(Comparator.naturalOrder())
              .orElse(null);
      List<DnsRecordSet.Member> canonicalMembers =
          members.stream()
              .map(RecordSets::member)
              .sorted(
                  Comparator.comparing(
                      DnsRecordSet.Member::id, Comparator.nullsFirst(String::compareTo)))
              .toList();
      ResourceMeta meta =
          new ResourceMeta(
              AwsTypes.CLOUD,
              id(first.zoneId(), first.name(), first.type()),
              fqdn,
              address,
              nativeType,
              null,
              Map.of());
      sets.add(
          new DnsRecordSet(
              meta,
              fqdn,
              type(first.type()),
              ttl,
              first.routing(),
              canonicalMembers,
              zoneId(first.zoneId()),
              null));
    }
    return sets;
  }

  /** {@code ZONEID/name/TYPE} of a record set. */
  public static String id(String zoneId, String name, String type) {
    return zoneId(zoneId) + "/" + fqdn(name) + "/" + type(type);
  }

  /** A hosted zone id without the {@code /hostedzone/} prefix some APIs return. */
  public static String zoneId(String zoneId) {
    if (zoneId == null) {
      return null;
    }
    String id = zoneId.trim();
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  /**
   * A DNS name in canonical form: lower case, no trailing dot, Route 53's octal escapes decoded
   * ({@code \052} is {@code *}: Route 53 Developer Guide, "DNS domain name format").
   */
  public static String fqdn(String name) {
    if (name == null) {
      return null;
    }
    String text = decodeOctal(name.trim()).toLowerCase(Locale.ROOT);
    return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
  }

  private static DnsRecordSet.Member member(Record record) {
    String target =
        record.aliasName() != null
            ? fqdn(record.aliasName())
            : record.values().stream()
                .map(value -> value(record.type(), value))
                .sorted()
                .reduce((a, b) -> a + "," + b)
                .orElse(null);
    String health =
        record.healthCheckId() != null && !record.healthCheckId().isBlank()
            ? record.healthCheckId()
            : Boolean.TRUE.equals(record.evaluateTargetHealth()) ? EVALUATE_TARGET_HEALTH : null;
    return new DnsRecordSet.Member(record.setIdentifier(), record.weight(), null, target, health);
  }

  private static String value(String type, String value) {
    String t = type(type);
    if (t.equals("TXT") || t.equals("SPF")) {
      String v = value.trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      return v.replace("\"\"", "").replace("\" \"", "");
    }
    return fqdn(value);
  }

  private static String type(String type) {
    return type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
  }

  private static String decodeOctal(String name) {
    if (name.indexOf('\\') < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' && isOctal(name, i + 1)) {
        out.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String text, int from) {
    if (from + 3 > text.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
