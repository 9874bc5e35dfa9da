package dev.cutover.core.compare;

import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.DnsRecordSet.Member;
import java.util.List;
import java.util.Objects;

/**
 * Parity of the DNS record sets the switch moves: weighted on both sides, TTL at most {@value
 * #MAX_TTL_SECONDS} s, weights not all zero, endpoints not all disabled, every member's health
 * evaluated.
 */
final class DnsParity {

  /** The highest TTL in seconds that lets a weight change reach clients quickly. */
  static final long MAX_TTL_SECONDS = 60;

  private final DnsRecordSet source;
  private final DnsRecordSet target;
  private final Findings.Pair pair;

  private DnsParity(DnsRecordSet source, DnsRecordSet target, Findings out) {
    this.source = source;
    this.target = target;
    this.pair = out.about(source, target);
  }

  /** True for a record set the switch moves: weighted routing. */
  static boolean isWeighted(DnsRecordSet set) {
    return "weighted".equalsIgnoreCase(set.routing());
  }

  static void compare(DnsRecordSet source, DnsRecordSet target, Findings out) {
    DnsParity parity = new DnsParity(source, target, out);
    parity.side("source", source);
    parity.side("target", target);
  }

  private void side(String side, DnsRecordSet set) {
    String name = side + " " + describe(set);
    if (!isWeighted(set)) {
      finding(Rules.DNS_WEIGHTED, "routing", source.routing(), target.routing())
          .fix("make " + describe(set) + " a weighted record set on the " + side)
          .add(
              name
                  + " uses "
                  + Objects.toString(set.routing(), "unknown")
                  + " routing: the switch can only move weighted record sets");
    }
    if (set.ttlSeconds() != null && set.ttlSeconds() > MAX_TTL_SECONDS) {
      finding(Rules.DNS_TTL, "ttlSeconds", source.ttlSeconds(), target.ttlSeconds())
          .fix(
              "lower the "
                  + side
                  + " TTL to "
                  + MAX_TTL_SECONDS
                  + " s at least "
                  + set.ttlSeconds()
                  + " s before the cutover")
          .add(
              name
                  + " has TTL "
                  + set.ttlSeconds()
                  + " s: resolvers keep old answers that long after every weight change and"
                  + " rollback");
    }
    if (!isWeighted(set) || set.members().isEmpty()) {
      return;
    }
    List<Member> members = set.members();
    if (members.stream().allMatch(m -> m.weight() != null && m.weight() == 0)) {
      finding(Rules.DNS_WEIGHTS, "members", weights(source), weights(target))
          .fix("give the member that should receive traffic a non-zero weight")
          .add(
              name
                  + ": every weight is 0, so Route 53 answers with all members equally, not with"
                  + " none");
    }
    if (members.stream().allMatch(m -> Boolean.FALSE.equals(m.enabled()))) {
      finding(Rules.DNS_WEIGHTS, "members", weights(source), weights(target))
          .fix("enable the endpoint that should receive traffic")
          .add(name + ": every endpoint is disabled, so Traffic Manager answers NXDOMAIN");
    }
    List<String> unchecked =
        set.monitor() != null
            ? List.of()
            : members.stream().filter(m -> m.healthCheck() == null).map(Member::id).toList();
    if (!unchecked.isEmpty()) {
      finding(Rules.DNS_HEALTH, "members", health(source), health(target))
          .fix(
              "associate a health check with each member (alias records: evaluate target health;"
                  + " Traffic Manager: a monitor)")
          .add(
              name
                  + ": "
                  + String.join(", ", unchecked)
                  + (unchecked.size() == 1 ? " has" : " have")
                  + " no health check, so "
                  + ("aws".equals(set.meta().cloud()) ? "Route 53" : "DNS")
                  + " keeps answering with "
                  + (unchecked.size() == 1 ? "it" : "them")
                  + " while the endpoint is down");
    }
  }

  private Findings.Draft finding(Rule rule, String attribute, Object leftValue, Object rightValue) {
    return pair.changed(rule).attribute(attribute).values(leftValue, rightValue);
  }

  private static String describe(DnsRecordSet set) {
    return set.fqdn() == null
        ? set.meta().label()
        : set.fqdn() + (set.type() == null ? "" : " " + set.type());
  }

  private static String health(DnsRecordSet set) {
    if (set.monitor() != null) {
      return "monitor " + set.monitor();
    }
    return String.join(
        ", ",
        set.members().stream()
            .map(m -> m.id() + "=" + Objects.toString(m.healthCheck(), "none"))
            .toList());
  }

  private static String weights(DnsRecordSet set) {
    return String.join(", ", set.members().stream().map(m -> m.id() + "=" + m.weight()).toList());
  }
}
