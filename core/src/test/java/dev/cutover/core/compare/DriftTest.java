package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.inventory;
import static dev.cutover.core.compare.Canonical.network;
import static dev.cutover.core.compare.Canonical.sg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.DnsRecordSet.Member;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.LoadBalancer.Backend;
import dev.cutover.core.model.LoadBalancer.Listener;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.spi.DriftNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

  private static final String ALB_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
  private static final String DB_ARN = "arn:aws:rds:us-east-1:123456789012:db:orders";

  private static List<Finding> drift(
      List<? extends Resource> state, List<? extends Resource> live) {
    return Drift.compare(
            new Inventory("state:aws.tfstate", List.copyOf(state)),
            new Inventory("aws:us-east-1", List.copyOf(live)),
            DriftNormalizer.NONE)
        .findings();
  }

  private static ResourceMeta stateMeta(String id, String address, Map<String, String> tags) {
    return new ResourceMeta(AWS, id, null, address, "aws_vpc", "us-east-1", tags);
  }

  @Test
  void drift_resourceGoneLive_isMissingMedium() {
    Network vpc = network(AWS, "vpc-1", "main", "10.0.0.0/16");

    assertThat(drift(List.of(vpc), List.of()))
        .extracting(Finding::type, Finding::severity, Finding::rule, Finding::message)
        .containsExactly(
            tuple(
                FindingType.MISSING,
                Severity.MEDIUM,
                "resource.missing",
                "network is in state but not live"));
  }

  @Test
  void drift_liveResourceOfKindInState_isUnmanagedLow_otherKindsIgnored() {
    List<Finding> findings =
        drift(
            List.of(sg("sg-1", "app")),
            List.of(
                sg("sg-1", "app"),
                sg("sg-2", "console-made"),
                network(AWS, "vpc-9", "other", "10.9.0.0/16")));

    assertThat(findings)
        .extracting(Finding::type, Finding::severity, f -> f.right().id())
        .containsExactly(tuple(FindingType.UNMANAGED, Severity.LOW, "sg-2"));
  }

  @Test
  void drift_liveResourceTheCloudCreated_isNotUnmanaged() {
    FirewallRuleSet defaultGroup = sg("sg-d", "default");
    Report report =
        Drift.compare(
            inventory("state:aws.tfstate", sg("sg-1", "app")),
            inventory(
                "aws:us-east-1",
                sg("sg-1", "app"),
                defaultGroup.withMeta(defaultGroup.meta().asCloudDefault()),
                sg("sg-2", "manual")),
            DriftNormalizer.NONE);

    assertThat(report.findings()).extracting(f -> f.right().id()).containsExactly("sg-2");
  }

  @Test
  void drift_idsDifferOnlyInCase_pair() {
    String nsgId =
        "/subscriptions/s/resourceGroups/RG-Staging/providers/Microsoft.Network/networkSecurityGroups/web";
    FirewallRuleSet state =
        new FirewallRuleSet(Canonical.meta("azure", nsgId, "web"), null, List.of());
    FirewallRuleSet live =
        new FirewallRuleSet(
            Canonical.meta("azure", nsgId.toLowerCase(Locale.ROOT), "web"), null, List.of());

    assertThat(drift(List.of(state), List.of(live))).isEmpty();
  }

  @Test
  void drift_addressSpaceExtendedLive_reportsChangedCidrsWithPath() {
    Network state =
        new Network(stateMeta("vpc-1", "aws_vpc.main", Map.of()), List.of("10.0.0.0/16"));
    Network live = network(AWS, "vpc-1", "main", "10.0.0.0/16", "10.1.0.0/16");

    Finding finding = drift(List.of(state), List.of(live)).get(0);

    assertThat(finding.rule()).isEqualTo("network.cidrs");
    assertThat(finding.attribute()).isEqualTo("cidrs");
    assertThat(finding.leftValue()).isEqualTo("10.0.0.0/16");
    assertThat(finding.rightValue()).isEqualTo("10.0.0.0/16, 10.1.0.0/16");
    assertThat(finding.message()).isEqualTo("cidrs differ: live adds 10.1.0.0/16");
    assertThat(finding.left().address()).isEqualTo("aws_vpc.main");
  }

  @Test
  void drift_tags_liveOnlyKeysIgnored_declaredValueChangedIsLow() {
    Network state =
        new Network(
            stateMeta("vpc-1", "aws_vpc.main", Map.of("env", "staging")), List.of("10.0.0.0/16"));
    Network live =
        new Network(
            new ResourceMeta(
                AWS,
                "vpc-1",
                "main",
                null,
                "AWS::EC2::VPC",
                "us-east-1",
                Map.of("env", "prod", "team", "platform", "Name", "main")),
            List.of("10.0.0.0/16"));

    assertThat(drift(List.of(state), List.of(live)))
        .extracting(Finding::rule, Finding::severity, Finding::attribute, Finding::message)
        .containsExactly(
            tuple(
                "resource.tags",
                Severity.LOW,
                "tags.env",
                "tag env is prod live, staging in state"));
  }

  @Test
  void drift_subnetMovedZone_isPlacementMedium() {
    Subnet state =
        new Subnet(
            Canonical.meta(AWS, "subnet-1", "app-a"), "vpc-1", "10.0.1.0/24", null, "us-east-1a");
    Subnet live =
        new Subnet(
            Canonical.meta(AWS, "subnet-1", "app-a"), "vpc-1", "10.0.1.0/24", null, "us-east-1b");

    assertThat(drift(List.of(state), List.of(live)))
        .extracting(Finding::rule, Finding::attribute, Finding::message)
        .containsExactly(
            tuple("subnet.placement", "zone", "zone is us-east-1b live, us-east-1a in state"));
  }

  private static LoadBalancer alb(String tlsPolicy, int targets, Integer idle) {
    return new LoadBalancer(
        Canonical.meta(AWS, ALB_ARN, "web"),
        "internet",
        7,
        List.of(new Listener("HTTPS", 443, tlsPolicy, true), new Listener("HTTP", 80, null, null)),
        List.of(),
        idle,
        List.of(),
        List.of(new Backend("web-tg", "HTTP", 8080, targets)),
        true,
        "application",
        null,
        null);
  }

  @Test
  void drift_listenerTlsPolicyChanged_reportsPathOfThatListener() {
    List<Finding> findings =
        drift(
            List.of(alb("ELBSecurityPolicy-TLS13-1-2-2021-06", 2, 60)),
            List.of(alb("ELBSecurityPolicy-2016-08", 2, 60)));

    assertThat(findings)
        .extracting(Finding::rule, Finding::attribute, Finding::leftValue, Finding::rightValue)
        .containsExactly(
            tuple(
                "lb.tls-policy",
                "listeners[443].tlsPolicy",
                "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "ELBSecurityPolicy-2016-08"));
  }

  @Test
  void drift_registeredTargetCountChanged_isIgnored_idleTimeoutIsNot() {
    List<Finding> findings =
        drift(
            List.of(alb("ELBSecurityPolicy-2016-08", 2, 60)),
            List.of(alb("ELBSecurityPolicy-2016-08", 7, 120)));

    assertThat(findings)
        .extracting(Finding::rule, Finding::attribute, Finding::message)
        .containsExactly(
            tuple(
                "lb.idle-timeout",
                "idleTimeoutSeconds",
                "idleTimeoutSeconds is 120 live, 60 in state"));
  }

  private static DnsRecordSet weighted(int blue, int green, Long ttl) {
    return new DnsRecordSet(
        Canonical.meta(AWS, "Z123/app.example.com/A", "app.example.com"),
        "app.example.com",
        "A",
        ttl,
        "weighted",
        List.of(
            new Member(
                "blue",
                blue,
                null,
                "web-123.us-east-1.elb.amazonaws.com.",
                "evaluate-target-health"),
            new Member("green", green, null, "agw.westeurope.cloudapp.azure.com", "hc-1")),
        "Z123",
        null);
  }

  @Test
  void drift_weightsMovedBySwitch_areNotDrift_ttlIs() {
    assertThat(drift(List.of(weighted(100, 0, 60L)), List.of(weighted(75, 25, 60L)))).isEmpty();
    assertThat(drift(List.of(weighted(100, 0, 60L)), List.of(weighted(100, 0, 300L))))
        .extracting(Finding::rule, Finding::attribute)
        .containsExactly(tuple("dns.ttl", "ttlSeconds"));
  }

  @Test
  void drift_memberRemovedLive_reportsMember() {
    DnsRecordSet live =
        new DnsRecordSet(
            Canonical.meta(AWS, "z123/APP.example.com/A", "app.example.com"),
            "app.example.com",
            "A",
            60L,
            "weighted",
            List.of(
                new Member(
                    "blue",
                    100,
                    null,
                    "WEB-123.us-east-1.elb.amazonaws.com",
                    "evaluate-target-health")),
            "Z123",
            null);

    assertThat(drift(List.of(weighted(100, 0, 60L)), List.of(live)))
        .extracting(Finding::rule, Finding::attribute, Finding::message)
        .containsExactly(
            tuple("dns.members", "members[green]", "member green is in state but not live"));
  }

  private static Database rds(String version, int storage, boolean publicAccess) {
    return new Database(
        Canonical.meta(AWS, DB_ARN, "orders"),
        "postgres",
        version,
        "db.r6g.large",
        2,
        16.0,
        storage,
        true,
        7,
        true,
        publicAccess,
        true);
  }

  @Test
  void drift_database_versionPrefixAgrees_isClean_minorUpgradeLow_majorHigh() {
    assertThat(drift(List.of(rds("15", 100, false)), List.of(rds("15.4", 100, false)))).isEmpty();
    assertThat(drift(List.of(rds("15.3", 100, false)), List.of(rds("15.4", 100, false))))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.engine-version", Severity.LOW));
    assertThat(drift(List.of(rds("15.4", 100, false)), List.of(rds("16.1", 100, false))))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.engine-version", Severity.HIGH));
  }

  @Test
  void drift_database_storageGrownByAutoscalingLow_publicAccessOpenedHigh() {
    assertThat(drift(List.of(rds("15.4", 100, false)), List.of(rds("15.4", 120, true))))
        .extracting(Finding::rule, Finding::severity)
        .containsExactlyInAnyOrder(
            tuple("db.storage", Severity.LOW), tuple("db.public-access", Severity.HIGH));
  }
}
