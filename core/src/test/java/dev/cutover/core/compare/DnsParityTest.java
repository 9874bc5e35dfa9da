package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.DnsRecordSet.Member;
import dev.cutover.core.model.Inventory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DNS rules on both sides of a switched record set. */
class DnsParityTest {

  private static final Member BLUE =
      new Member("blue", 255, null, "web-1.us-east-1.elb.amazonaws.com", "evaluate-target-health");
  private static final Member GREEN =
      new Member("green", 0, null, "agw-web.westeurope.cloudapp.azure.com", "3f1c2b9a-hc");

  private static DnsRecordSet route53(long ttl, String routing, Member... members) {
    return new DnsRecordSet(
        meta(AWS, "Z0123/app.example.com/A", "app.example.com"),
        "app.example.com",
        "A",
        ttl,
        routing,
        List.of(members),
        "Z0123",
        null);
  }

  private static DnsRecordSet trafficManager(long ttl, String monitor, Member... members) {
    return new DnsRecordSet(
        meta(
            AZURE,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/trafficManagerProfiles/app",
            "app"),
        "app.trafficmanager.net",
        null,
        ttl,
        "weighted",
        List.of(members),
        null,
        monitor);
  }

  private static final Member TM_BLUE =
      new Member("aws-alb", 1000, true, "web-1.us-east-1.elb.amazonaws.com", null);
  private static final Member TM_GREEN =
      new Member("azure-agw", 1, true, "agw-web.westeurope.cloudapp.azure.com", null);

  private static List<Finding> compare(DnsRecordSet source, DnsRecordSet target) {
    Findings out = new Findings();
    DnsParity.compare(source, target, out);
    return out.list();
  }

  @Test
  void parity_weightedLowTtlHealthChecked_isClean() {
    assertThat(
            compare(
                route53(60, "weighted", BLUE, GREEN),
                trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN)))
        .isEmpty();
  }

  @Test
  void weighted_simpleRecordOnEitherSide_isHigh() {
    DnsRecordSet simple =
        route53(60, "simple", new Member("simple", null, null, "203.0.113.10", null));
    DnsRecordSet tm = trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN);

    assertThat(compare(simple, tm))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "dns.weighted",
                Severity.HIGH,
                "source app.example.com A uses simple routing: the switch can only move weighted record sets"));
    assertThat(compare(tm, simple))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(
                "dns.weighted",
                "target app.example.com A uses simple routing: the switch can only move weighted record sets"));
  }

  @Test
  void ttl_above60Seconds_isMediumOnTheSideThatHasIt() {
    List<Finding> findings =
        compare(
            route53(300, "weighted", BLUE, GREEN),
            trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN));

    assertThat(findings)
        .extracting(
            Finding::rule,
            Finding::severity,
            Finding::attribute,
            Finding::leftValue,
            Finding::rightValue)
        .containsExactly(tuple("dns.ttl", Severity.MEDIUM, "ttlSeconds", "300", "30"));
    assertThat(findings.get(0).message())
        .isEqualTo(
            "source app.example.com A has TTL 300 s: resolvers keep old answers that long after every weight change and rollback");
    assertThat(findings.get(0).remediation())
        .isEqualTo("lower the source TTL to 60 s at least 300 s before the cutover");
    assertThat(
            compare(
                trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN),
                route53(300, "weighted", BLUE, GREEN)))
        .extracting(Finding::message)
        .containsExactly(
            "target app.example.com A has TTL 300 s: resolvers keep old answers that long after every weight change and rollback");
  }

  @Test
  void weights_allZero_saysRoute53AnswersEqually() {
    Member blueZero = new Member("blue", 0, null, BLUE.target(), BLUE.healthCheck());

    assertThat(
            compare(
                route53(60, "weighted", blueZero, GREEN),
                trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN)))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "dns.weights",
                Severity.MEDIUM,
                "source app.example.com A: every weight is 0, so Route 53 answers with all members equally, not with none"));
  }

  @Test
  void weights_allEndpointsDisabled_saysTrafficManagerAnswersNxdomain() {
    Member off1 = new Member("aws-alb", 1000, false, TM_BLUE.target(), null);
    Member off2 = new Member("azure-agw", 1, false, TM_GREEN.target(), null);

    assertThat(
            compare(
                route53(60, "weighted", BLUE, GREEN),
                trafficManager(30, "HTTPS:443/health", off1, off2)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(
                "dns.weights",
                "target app.trafficmanager.net: every endpoint is disabled, so Traffic Manager answers NXDOMAIN"));
  }

  @Test
  void health_memberWithoutHealthCheck_saysRoute53KeepsAnsweringIt() {
    Member unchecked = new Member("green", 0, null, GREEN.target(), null);

    List<Finding> findings =
        compare(
            route53(60, "weighted", BLUE, unchecked),
            trafficManager(30, "HTTPS:443/health", TM_BLUE, TM_GREEN));

    assertThat(findings)
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "dns.health",
                Severity.MEDIUM,
                "source app.example.com A: green has no health check, so Route 53 keeps answering with it while the endpoint is down"));
    assertThat(findings.get(0).leftValue()).isEqualTo("blue=evaluate-target-health, green=none");
  }

  @Test
  void health_trafficManagerWithoutMonitor_isFlaggedOnTarget() {
    assertThat(
            compare(
                route53(60, "weighted", BLUE, GREEN), trafficManager(30, null, TM_BLUE, TM_GREEN)))
        .extracting(Finding::rule, Finding::message)
        .containsExactly(
            tuple(
                "dns.health",
                "target app.trafficmanager.net: aws-alb, azure-agw have no health check, so DNS keeps answering with them while the endpoint is down"));
  }

  @Test
  void parity_weightedSourceAndSimpleTargetOfTheSameName_pairAndReportNotWeighted() {
    DnsRecordSet weighted = route53(60, "weighted", BLUE, GREEN);
    DnsRecordSet simple =
        new DnsRecordSet(
            meta(
                AZURE,
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/dnsZones/example.com/A/app",
                "app"),
            "app.example.com",
            "A",
            60L,
            "simple",
            List.of(new Member(null, null, null, "203.0.113.10", null)),
            "example.com",
            null);

    for (boolean weightedIsSource : List.of(true, false)) {
      Report report =
          Parity.compare(
              new Inventory("source", List.of(weightedIsSource ? weighted : simple)),
              new Inventory("target", List.of(weightedIsSource ? simple : weighted)),
              Pairing.byTagAndName());

      assertThat(report.findings())
          .extracting(Finding::rule, Finding::severity)
          .containsExactly(tuple("dns.weighted", Severity.HIGH));
    }
  }
}
