package dev.cutover.core.compare;

import static dev.cutover.core.compare.Comparison.DRIFT;
import static dev.cutover.core.compare.Comparison.PARITY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of every comparison rule. {@code docs/rules.md} is generated from it by {@link
 * #markdown()} (a test fails when the committed file differs).
 */
public final class Rules {

  private static final List<Rule> ALL = new ArrayList<>();

  private static final String TF_DRIFT =
      "https://developer.hashicorp.com/terraform/tutorials/state/resource-drift";
  private static final String NSG =
      "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview";
  private static final String SG_RULES =
      "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html";
  private static final String ALB =
      "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/";
  private static final String APPGW =
      "https://learn.microsoft.com/en-us/azure/application-gateway/";
  private static final String PG_FLEX =
      "https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/";
  private static final String RDS = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/";
  private static final String R53 = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/";

  /** In state or in the source, absent on the other side. */
  public static final Rule RESOURCE_MISSING =
      add(
          "resource.missing",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "A resource of the left side has no counterpart: deleted outside Terraform (drift,"
              + " medium) or not built in the target (parity: high for firewalls, load balancers,"
              + " databases and switched DNS record sets, medium for networks and subnets).",
          TF_DRIFT);

  /** Live or in the target, absent from state or the source. */
  public static final Rule RESOURCE_UNMANAGED =
      add(
          "resource.unmanaged",
          Severity.LOW,
          EnumSet.of(DRIFT, PARITY),
          "A resource of the right side has no counterpart: created outside this state (drift"
              + " reports only kinds the state holds) or extra in the target (parity).",
          TF_DRIFT);

  /** Declared tags differ live. */
  public static final Rule RESOURCE_TAGS =
      add(
          "resource.tags",
          Severity.LOW,
          EnumSet.of(DRIFT),
          "A tag declared in Terraform has another value live or is gone; tags only live (provider"
              + " default_tags, tags the cloud or a policy adds) are not compared.",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging");

  /** VPC / VNet address space. */
  public static final Rule NETWORK_CIDRS =
      add(
          "network.cidrs",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "The address space differs; in parity a range the target lacks is medium (workloads and"
              + " rules that use it have nowhere to go), a range only the target has is low.",
          "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html");

  /** Source and target spaces overlap. */
  public static final Rule NETWORK_OVERLAP =
      add(
          "network.overlap",
          Severity.INFO,
          EnumSet.of(PARITY),
          "Source and target address spaces overlap: fine for a DNS-only cutover, but a VPN or"
              + " peering between the clouds during the migration needs non-overlapping ranges.",
          "https://learn.microsoft.com/en-us/azure/vpn-gateway/tutorial-site-to-site-portal");

  /** Subnet ranges. */
  public static final Rule SUBNET_CIDRS =
      add(
          "subnet.cidrs",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "The subnet's ranges differ; in parity a range the target lacks is medium, an extra one"
              + " low.",
          "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html");

  /** Subnet network or zone. */
  public static final Rule SUBNET_PLACEMENT =
      add(
          "subnet.placement",
          Severity.MEDIUM,
          EnumSet.of(DRIFT),
          "The subnet's network or availability zone differs from state: Terraform will replace it.",
          "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html");

  /** What traffic a firewall lets through. */
  public static final Rule FIREWALL_FLOW =
      add(
          "firewall.flow",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Parity: a flow the target allows and the source does not is exposure, one the target"
              + " lacks is breakage (both high; NSG rules evaluated by priority, first match wins)."
              + " Drift: an ingress allow from the internet (0.0.0.0/0, ::/0, tag:Internet) added"
              + " live is high, other rule changes medium.",
          NSG + "#security-rules");

  /** Rule names and descriptions. */
  public static final Rule FIREWALL_LABELS =
      add(
          "firewall.labels",
          Severity.LOW,
          EnumSet.of(DRIFT),
          "Only a rule's name or description differs: no traffic changes.",
          SG_RULES);

  /** Symbolic peers without a counterpart. */
  public static final Rule FIREWALL_NOT_COMPARABLE =
      add(
          "firewall.not-comparable",
          Severity.INFO,
          EnumSet.of(PARITY),
          "A flow to or from a service tag, security group or prefix list has no counterpart on"
              + " the other side to compare with (security groups are mapped through the pairing;"
              + " the NSG default rules' own VirtualNetwork and AzureLoadBalancer flows are the"
              + " platform's and not reported).",
          "https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview");

  /** ALB pairs with Application Gateway, NLB with Azure Load Balancer. */
  public static final Rule LB_TYPE =
      add(
          "lb.type",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "A layer-7 load balancer (ALB, Application Gateway) pairs with layer 7 and a layer-4 one"
              + " (NLB, Azure Load Balancer) with layer 4; otherwise listeners, TLS and routing"
              + " cannot match.",
          "https://learn.microsoft.com/en-us/azure/architecture/guide/technology-choices/load-balancing-overview");

  /** internet-facing vs internal. */
  public static final Rule LB_EXPOSURE =
      add(
          "lb.exposure",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Internet-facing vs internal: a target that is internet-facing where the source is"
              + " internal exposes it; the reverse leaves clients unable to reach it.",
          ALB + "application-load-balancers.html#load-balancer-scheme");

  /** Listener set. */
  public static final Rule LB_LISTENERS =
      add(
          "lb.listeners",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "The listeners (protocol and port) differ: clients of a missing listener are refused;"
              + " an extra target listener (medium) accepts traffic the source does not.",
          ALB + "load-balancer-listeners.html");

  /** Minimum TLS version of a listener. */
  public static final Rule LB_TLS_POLICY =
      add(
          "lb.tls-policy",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "A target TLS policy with a lower minimum TLS version weakens the listener (medium); a"
              + " higher one refuses clients the source accepts (low). Policies ranked by the table"
              + " in tls-policies.csv.",
          ALB + "describe-ssl-policies.html");

  /** Server certificate on TLS listeners. */
  public static final Rule LB_CERTIFICATE =
      add(
          "lb.certificate",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "An HTTPS/TLS listener without a server certificate cannot complete a handshake.",
          ALB + "https-listener-certificates.html");

  /** Host/path routing. */
  public static final Rule LB_ROUTES =
      add(
          "lb.routes",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "A host/path rule the target lacks sends those requests to the default backend"
              + " (breakage, high); a rule forwarding elsewhere or only in the target is medium.",
          APPGW + "url-route-overview");

  /** Health probes. */
  public static final Rule LB_HEALTH_PROBE =
      add(
          "lb.health-probe",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "The probe decides which backends get traffic: protocol and path must match; interval"
              + " within 50% and thresholds within 1 of the source's, else low.",
          APPGW + "application-gateway-probe-overview");

  /** Idle timeout. */
  public static final Rule LB_IDLE_TIMEOUT =
      add(
          "lb.idle-timeout",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "A target idle/request timeout shorter than the source's cuts long requests and idle"
              + " connections the source keeps.",
          ALB + "application-load-balancers.html#connection-idle-timeout");

  /** Web application firewall. */
  public static final Rule LB_WAF =
      add(
          "lb.waf",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "The source filters requests through a web application firewall and the target does not.",
          APPGW + "features#web-application-firewall");

  /** Backend pools / target groups. */
  public static final Rule LB_BACKENDS =
      add(
          "lb.backends",
          Severity.MEDIUM,
          EnumSet.of(DRIFT),
          "A target group or backend pool, or its protocol or port, differs from state (registered"
              + " target counts change all the time and are not compared).",
          ALB + "load-balancer-target-groups.html");

  /** SKU, capacity, deletion protection. */
  public static final Rule LB_SETTINGS =
      add(
          "lb.settings",
          Severity.MEDIUM,
          EnumSet.of(DRIFT),
          "SKU, capacity or deletion protection differs from state.",
          ALB + "application-load-balancers.html#deletion-protection");

  /** Engine and major version. */
  public static final Rule DB_ENGINE_VERSION =
      add(
          "db.engine-version",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Engine and major version must be equal: a major upgrade changes behaviour and dump"
              + " compatibility (drift: a minor version change, e.g. auto minor upgrade, is low).",
          "https://www.postgresql.org/support/versioning/");

  /** vCPU and memory. */
  public static final Rule DB_CAPACITY =
      add(
          "db.capacity",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "The target class needs at least the source's vCPUs and memory to carry full traffic"
              + " after the cutover (drift: instance class changed, medium).",
          RDS + "Concepts.DBInstanceClass.html");

  /** Allocated storage. */
  public static final Rule DB_STORAGE =
      add(
          "db.storage",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "The target needs at least the source's allocated storage to hold a full copy (drift:"
              + " storage grown live by autoscaling is low).",
          PG_FLEX + "concepts-storage");

  /** Multi-AZ / zone-redundant HA. */
  public static final Rule DB_HIGH_AVAILABILITY =
      add(
          "db.high-availability",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "The source survives a zone failure (Multi-AZ) and the target (no zone-redundant or"
              + " same-zone HA) does not.",
          PG_FLEX + "concepts-high-availability");

  /** Backup retention. */
  public static final Rule DB_BACKUP_RETENTION =
      add(
          "db.backup-retention",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "The target keeps automated backups for fewer days than the source: point-in-time"
              + " restore reaches less far back.",
          PG_FLEX + "concepts-backup-restore");

  /** Storage encryption. */
  public static final Rule DB_ENCRYPTION =
      add(
          "db.encryption",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Storage must be encrypted at rest: high when the source is and the target is not,"
              + " medium when neither is.",
          RDS + "Overview.Encryption.html");

  /** Public network access. */
  public static final Rule DB_PUBLIC_ACCESS =
      add(
          "db.public-access",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Public network access must be off where the source has it off (exposure); a private"
              + " target for a public source is low (clients over the internet will not reach it).",
          RDS + "USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding");

  /** TLS enforced. */
  public static final Rule DB_TLS =
      add(
          "db.tls",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "Connections must be required to use TLS: high when the source enforces it and the"
              + " target does not, medium when neither does.",
          PG_FLEX + "concepts-networking-ssl-tls");

  /** Switched record sets are weighted. */
  public static final Rule DNS_WEIGHTED =
      add(
          "dns.weighted",
          Severity.HIGH,
          EnumSet.of(DRIFT, PARITY),
          "The switch moves traffic by changing weights: a record set it moves must be weighted on"
              + " both sides (drift: the routing policy changed).",
          R53 + "routing-policy-weighted.html");

  /** TTL at most 60 s. */
  public static final Rule DNS_TTL =
      add(
          "dns.ttl",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "Resolvers cache an answer for its TTL: above 60 s every weight change and every"
              + " rollback takes that long to reach clients. Lower it at least one old TTL before"
              + " the cutover.",
          R53 + "resource-record-sets-values-weighted.html#rrsets-values-weighted-ttl");

  /** All weights zero / all endpoints disabled. */
  public static final Rule DNS_WEIGHTS =
      add(
          "dns.weights",
          Severity.MEDIUM,
          EnumSet.of(PARITY),
          "Route 53 answers a weighted set whose weights are all 0 as if they were equal; Traffic"
              + " Manager answers NXDOMAIN when every endpoint is disabled.",
          R53 + "resource-record-sets-values-weighted.html#rrsets-values-weighted-weight");

  /** Health evaluation of members. */
  public static final Rule DNS_HEALTH =
      add(
          "dns.health",
          Severity.MEDIUM,
          EnumSet.of(DRIFT, PARITY),
          "Route 53 treats a record without a health check as always healthy and keeps answering"
              + " with a dead endpoint; every member the switch moves needs health evaluation.",
          R53 + "health-checks-how-route-53-chooses-records.html");

  /** Members of a record set. */
  public static final Rule DNS_MEMBERS =
      add(
          "dns.members",
          Severity.MEDIUM,
          EnumSet.of(DRIFT),
          "A member (SetIdentifier, endpoint) or its target differs from state; weights are owned"
              + " by the switch and not compared.",
          R53 + "resource-record-sets-values-weighted.html");

  private Rules() {}

  private static Rule add(
      String id,
      Severity severity,
      EnumSet<Comparison> appliesTo,
      String rationale,
      String source) {
    Rule rule = new Rule(id, severity, appliesTo, rationale, source);
    ALL.add(rule);
    return rule;
  }

  /** Every rule, in registry order. */
  public static List<Rule> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The rule with this id, or empty. */
  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The content of {@code docs/rules.md}. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Comparison rules\n\n")
        .append(
            "<!-- Generated from dev.cutover.core.compare.Rules; do not edit. Regenerate with\n")
        .append(
            "     mvn -B -o -q -pl core test -Dtest=RulesDocTest -Dcutover.regenerate=true -->\n\n")
        .append("Every finding of `cutover drift` and `cutover parity` names one of these rules in")
        .append(
            " its\n`rule` field. The severity is the usual one; the rationale says when a finding")
        .append(" ranks\nhigher or lower. The default policy fails (exit 2) on high and medium;")
        .append(
            " `policy.ignore`\nin `cutover.yaml` silences a rule, optionally for one resource.\n\n")
        .append("| id | severity | applies to | rationale | source |\n")
        .append("|---|---|---|---|---|\n");
    for (Rule rule : ALL) {
      md.append("| `")
          .append(rule.id())
          .append("` | ")
          .append(rule.severity())
          .append(" | ")
          .append(
              rule.appliesTo().stream()
                  .sorted()
                  .map(Comparison::jsonName)
                  .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(rule.rationale())
          .append(" | ")
          .append(rule.source())
          .append(" |\n");
    }
    md.append(NOTES);
    md.append("\n## What drift does not report\n\n");
    md.append("Values something other than Terraform owns (attribute paths, `[*]` = any key):\n\n");
    DriftIgnores.entries()
        .forEach(
            (kind, paths) ->
                paths.forEach(
                    p -> md.append("- `").append(kind).append("` `").append(p).append("`\n")));
    md.append("\n## TLS policy ranking (`lb.tls-policy`)\n\n");
    md.append("| policy | minimum TLS |\n|---|---|\n");
    TlsPolicies.table()
        .forEach(
            (name, version) ->
                md.append("| `").append(name).append("` | ").append(version).append(" |\n"));
    md.append(
        "\nOther `ELBSecurityPolicy-TLS13-1-N-…`, `-TLS-1-N-…`, `-FS-1-N-…` names rank as the"
            + " version they encode; a `TLSv1_N` token (Application Gateway custom policy) as that"
            + " version; anything else is not comparable (info).\n");
    return md.toString();
  }

  private static final String NOTES =
      """

      ## How firewalls are compared

      - **Drift** compares rules one by one after normalisation (canonical CIDRs, protocol
        aliases, canonical order); NSG default rules (`builtin`) are never reported, the
        provider's normaliser drops what the cloud adds by itself (AWS default egress), and a
        change of name or description alone is `firewall.labels` (low).
      - **Parity** compares the set of flows (direction, protocol, port range, peer range) each
        side allows. AWS security groups: the union of their allow rules. NSGs: rules by
        ascending priority, first match wins, deny rules and the six default rules included.
        Port and address ranges are intersected and subtracted exactly (addresses through the
        IPAddress library).
      - `tag:Internet` counts as `0.0.0.0/0` minus the address spaces of the virtual networks
        in the same inventory, and as `::/0` minus them only when they hold IPv6 space (an
        approximation: Azure's tag is "the address space outside the virtual network reachable
        by the public internet"; without IPv6 space no IPv6 traffic flows, and NSG `*` is
        mapped to `0.0.0.0/0`). When that inventory holds no network, it counts as `0.0.0.0/0`.
      - `tag:VirtualNetwork` counts as those address spaces when the other side's flows are
        checked against it (so an AWS rule to the VPC range is covered by the NSG's
        `AllowVnetOutBound`), and is compared as a symbol when looking for exposure: flows
        only a service tag, a security group (`sg:`, mapped through the pairing) or a prefix
        list (`pl:`) allows are reported as `firewall.not-comparable` (info), not as exposure.
      - NSG rules restricted to a destination (inbound) or source (outbound) prefix are
        evaluated per such prefix; a CIDR prefix also matches rules of a wider prefix that
        contains it.
      - Flows of an address family that none of a side's networks has (IPv6 rules in a VPC
        or VNet without IPv6 space) cannot occur and are not compared; when a side's
        inventory holds no network, every family counts.
      - ICMP type/code pairs are compared as ranges of `type * 256 + code`; Azure's ICMP
        (no type or code) is every type and code.
      - Values a side does not report (null) are not compared.
      """;
}
