package dev.cutover.aws.live;

import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.RecordSets;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The record sets of every hosted zone of the account (Route 53 is global: whatever region the scan
 * names), through the paginated {@code ListHostedZones} and, per zone, {@code
 * ListResourceRecordSets} (Route 53 API Reference, version 2013-04-01). Zone ids lose their {@code
 * /hostedzone/} prefix here (SDK-NOTES: the SDK does not strip ids in every path).
 */
final class Route53Scanner {

  private Route53Scanner() {}

  static List<Resource> recordSets(Route53Client route53, LiveCalls calls) {
    List<HostedZone> zones = new ArrayList<>();
    calls.pages(
        "route53:ListHostedZones",
        () -> route53.listHostedZonesPaginator(b -> {}),
        page -> zones.addAll(page.hostedZones()));
    List<RecordSets.Record> records = new ArrayList<>();
    Set<String> apexes = new HashSet<>();
    for (HostedZone zone : zones) {
      String zoneId = RecordSets.zoneId(zone.id());
      apexes.add(RecordSets.id(zoneId, zone.name(), "NS").toLowerCase(Locale.ROOT));
      calls.pages(
          "route53:ListResourceRecordSets",
          () -> route53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId)),
          page -> page.resourceRecordSets().forEach(set -> records.add(record(zoneId, set))));
    }
    return RecordSets.group(records, AwsTypes.RECORD_SET).stream()
        .map(
            set -> isCreatedWithZone(set, apexes) ? set.withMeta(set.meta().asCloudDefault()) : set)
        .map(Resource.class::cast)
        .toList();
  }

  /**
   * The SOA and the apex NS record sets Route 53 creates with every hosted zone (Route 53 Developer
   * Guide, "NS and SOA records that Amazon Route 53 creates for a public hosted zone").
   */
  private static boolean isCreatedWithZone(DnsRecordSet set, Set<String> apexNsIds) {
    return "SOA".equals(set.type()) || apexNsIds.contains(set.meta().idKey());
  }

  private static RecordSets.Record record(String zoneId, ResourceRecordSet set) {
    return new RecordSets.Record(
        zoneId,
        set.name(),
        set.typeAsString(),
        set.setIdentifier(),
        set.ttl(),
        routing(set),
        set.weight() == null ? null : set.weight().intValue(),
        set.resourceRecords().stream().map(ResourceRecord::value).toList(),
        set.aliasTarget() == null ? null : set.aliasTarget().dnsName(),
        set.aliasTarget() == null ? null : set.aliasTarget().evaluateTargetHealth(),
        set.healthCheckId(),
        null);
  }

  /**
   * The routing policy a record set's fields imply (Route 53 Developer Guide, "Routing policy").
   */
  private static String routing(ResourceRecordSet set) {
    if (set.weight() != null) {
      return "weighted";
    }
    if (set.failover() != null) {
      return "failover";
    }
    if (set.region() != null) {
      return "latency";
    }
    if (set.geoLocation() != null) {
      return "geolocation";
    }
    if (set.geoProximityLocation() != null) {
      return "geoproximity";
    }
    if (set.cidrRoutingConfig() != null) {
      return "cidr";
    }
    return Boolean.TRUE.equals(set.multiValueAnswer()) ? "multivalue" : "simple";
  }
}
