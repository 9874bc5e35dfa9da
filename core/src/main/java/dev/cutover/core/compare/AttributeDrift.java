package dev.cutover.core.compare;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.LoadBalancer.Backend;
import dev.cutover.core.model.LoadBalancer.HealthProbe;
import dev.cutover.core.model.LoadBalancer.Listener;
import dev.cutover.core.model.LoadBalancer.Route;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.Subnet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Drift of everything but firewall rules: attribute by attribute, lists of listeners, probes,
 * routes, backends and members element by element (by their key), and declared tags. A value one
 * side does not know (null) is not compared; text compares case-insensitively; lists compare as
 * sets; paths in {@link DriftIgnores} are skipped.
 */
final class AttributeDrift {

  /** Severity of a difference from (state value, live value). */
  private interface Grade extends BiFunction<Object, Object, Severity> {}

  /**
   * One compared attribute of a {@code T}.
   *
   * @param name path segment ({@code idleTimeoutSeconds})
   * @param rule rule of its findings
   * @param grade severity from (state, live) values
   * @param get reads the value
   */
  private record Field<T>(String name, Rule rule, Grade grade, Function<T, Object> get) {}

  private static final String FIX =
      "terraform apply sets it back to the state; if the live value is intended, change the"
          + " configuration";

  private final Resource state;
  private final Findings.Pair pair;

  private AttributeDrift(Resource state, Resource live, Findings out) {
    this.state = state;
    this.pair = out.about(state, live);
  }

  /** Compares the kind's attributes and the declared tags of a state/live pair. */
  static void compare(Resource state, Resource live, Findings out) {
    AttributeDrift drift = new AttributeDrift(state, live, out);
    if (state instanceof Network s && live instanceof Network l) {
      drift.fields(s, l, "", List.of(field("cidrs", Rules.NETWORK_CIDRS, Network::cidrs)));
    } else if (state instanceof Subnet s && live instanceof Subnet l) {
      drift.fields(
          s,
          l,
          "",
          List.of(
              field("cidrs", Rules.SUBNET_CIDRS, NetworkParity::cidrs),
              field("network", Rules.SUBNET_PLACEMENT, Subnet::network),
              field("zone", Rules.SUBNET_PLACEMENT, Subnet::zone)));
    } else if (state instanceof LoadBalancer s && live instanceof LoadBalancer l) {
      drift.loadBalancer(s, l);
    } else if (state instanceof Database s && live instanceof Database l) {
      drift.database(s, l);
    } else if (state instanceof DnsRecordSet s && live instanceof DnsRecordSet l) {
      drift.dns(s, l);
    }
    drift.tags(state.meta().tags(), live.meta().tags());
  }

  private void loadBalancer(LoadBalancer s, LoadBalancer l) {
    fields(
        s,
        l,
        "",
        List.of(
            new Field<LoadBalancer>(
                "scheme",
                Rules.LB_EXPOSURE,
                (a, b) ->
                    "internet".equalsIgnoreCase(String.valueOf(b))
                        ? Severity.HIGH
                        : Severity.MEDIUM,
                LoadBalancer::scheme),
            field("layer", Rules.LB_TYPE, LoadBalancer::layer),
            field("sku", Rules.LB_SETTINGS, LoadBalancer::sku),
            field("capacity", Rules.LB_SETTINGS, LoadBalancer::capacity),
            field("deletionProtection", Rules.LB_SETTINGS, LoadBalancer::deletionProtection),
            field("waf", Rules.LB_WAF, LoadBalancer::waf),
            field("idleTimeoutSeconds", Rules.LB_IDLE_TIMEOUT, LoadBalancer::idleTimeoutSeconds)));
    Set<Integer> shared = duplicatePorts(s.listeners(), l.listeners());
    keyed(
        "listeners",
        "listener",
        Rules.LB_LISTENERS,
        s.listeners(),
        l.listeners(),
        x ->
            shared.contains(x.port()) ? x.port() + "/" + Values.lower(x.protocol()) : "" + x.port(),
        x -> x.protocol() + "/" + x.port(),
        List.of(
            field("protocol", Rules.LB_LISTENERS, Listener::protocol),
            field("tlsPolicy", Rules.LB_TLS_POLICY, Listener::tlsPolicy),
            new Field<Listener>(
                "certificate",
                Rules.LB_CERTIFICATE,
                (a, b) -> Boolean.FALSE.equals(b) ? Severity.HIGH : Severity.MEDIUM,
                Listener::certificate)));
    keyed(
        "healthProbes",
        "health probe",
        Rules.LB_HEALTH_PROBE,
        s.healthProbes(),
        l.healthProbes(),
        p ->
            p.backend() != null
                ? p.backend()
                : p.protocol() + ":" + p.port() + (p.path() == null ? "" : p.path()),
        p -> p.protocol() + (p.path() == null ? "" : " " + p.path()),
        List.of(
            field("protocol", Rules.LB_HEALTH_PROBE, HealthProbe::protocol),
            field("port", Rules.LB_HEALTH_PROBE, HealthProbe::port),
            field("path", Rules.LB_HEALTH_PROBE, HealthProbe::path),
            field("intervalSeconds", Rules.LB_HEALTH_PROBE, HealthProbe::intervalSeconds),
            field("timeoutSeconds", Rules.LB_HEALTH_PROBE, HealthProbe::timeoutSeconds),
            field("healthyThreshold", Rules.LB_HEALTH_PROBE, HealthProbe::healthyThreshold),
            field("unhealthyThreshold", Rules.LB_HEALTH_PROBE, HealthProbe::unhealthyThreshold),
            field("matcher", Rules.LB_HEALTH_PROBE, HealthProbe::matcher)));
    keyed(
        "routes",
        "route",
        Rules.LB_ROUTES,
        s.routes(),
        l.routes(),
        r -> r.listenerPort() + "/" + (r.priority() == null ? "default" : r.priority()),
        r -> "port " + r.listenerPort() + " priority " + Objects.toString(r.priority(), "default"),
        List.of(
            field("hosts", Rules.LB_ROUTES, Route::hosts),
            field("paths", Rules.LB_ROUTES, Route::paths),
            field("action", Rules.LB_ROUTES, Route::action),
            field("backend", Rules.LB_ROUTES, Route::backend)));
    keyed(
        "backends",
        "backend",
        Rules.LB_BACKENDS,
        s.backends(),
        l.backends(),
        b -> Values.lower(b.name()),
        Backend::name,
        List.of(
            field("protocol", Rules.LB_BACKENDS, Backend::protocol),
            field("port", Rules.LB_BACKENDS, Backend::port),
            field("targets", Rules.LB_BACKENDS, Backend::targets)));
  }

  private void database(Database s, Database l) {
    engineVersion(s, l);
    fields(
        s,
        l,
        "",
        List.of(
            new Field<Database>(
                "engine", Rules.DB_ENGINE_VERSION, (a, b) -> Severity.HIGH, Database::engine),
            field("instanceClass", Rules.DB_CAPACITY, Database::instanceClass),
            new Field<Database>(
                "storageGiB",
                Rules.DB_STORAGE,
                (a, b) -> ((Integer) b) > ((Integer) a) ? Severity.LOW : Severity.MEDIUM,
                Database::storageGiB),
            field("highAvailability", Rules.DB_HIGH_AVAILABILITY, Database::highAvailability),
            field("backupRetentionDays", Rules.DB_BACKUP_RETENTION, Database::backupRetentionDays),
            new Field<Database>(
                "storageEncrypted", Rules.DB_ENCRYPTION, turnedOff(), Database::storageEncrypted),
            new Field<Database>(
                "publicAccess",
                Rules.DB_PUBLIC_ACCESS,
                (a, b) -> Boolean.TRUE.equals(b) ? Severity.HIGH : Severity.MEDIUM,
                Database::publicAccess),
            new Field<Database>("tlsEnforced", Rules.DB_TLS, turnedOff(), Database::tlsEnforced)));
  }

  /**
   * Versions that agree as far as both go ({@code 15} and {@code 15.4}) are equal; a minor
   * difference is low (auto minor upgrades), a major one high.
   */
  private void engineVersion(Database s, Database l) {
    String a = s.engineVersion();
    String b = l.engineVersion();
    if (a == null || b == null || a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".")) {
      return;
    }
    boolean sameMajor =
        Objects.equals(
            DatabaseParity.majorVersion(s.engine(), a), DatabaseParity.majorVersion(l.engine(), b));
    add(
        Rules.DB_ENGINE_VERSION,
        sameMajor ? Severity.LOW : Severity.HIGH,
        "engineVersion",
        a,
        b,
        "engineVersion is "
            + b
            + " live, "
            + a
            + " in state"
            + (sameMajor ? " (minor upgrade)" : ""),
        sameMajor
            ? "set engine_version to " + b + " (or to the major version only) in the configuration"
            : FIX);
  }

  private void dns(DnsRecordSet s, DnsRecordSet l) {
    fields(
        s,
        l,
        "",
        List.of(
            field("ttlSeconds", Rules.DNS_TTL, DnsRecordSet::ttlSeconds),
            new Field<DnsRecordSet>(
                "routing", Rules.DNS_WEIGHTED, (a, b) -> Severity.MEDIUM, DnsRecordSet::routing),
            field("monitor", Rules.DNS_HEALTH, DnsRecordSet::monitor)));
    keyed(
        "members",
        "member",
        Rules.DNS_MEMBERS,
        s.members(),
        l.members(),
        m -> Values.lower(m.id()),
        DnsRecordSet.Member::id,
        List.of(
            field("target", Rules.DNS_MEMBERS, m -> dnsName(m.target())),
            field("enabled", Rules.DNS_MEMBERS, DnsRecordSet.Member::enabled),
            field("healthCheck", Rules.DNS_HEALTH, DnsRecordSet.Member::healthCheck),
            field("weight", Rules.DNS_MEMBERS, DnsRecordSet.Member::weight)));
  }

  /** A DNS name as compared: lower case, no trailing dot. */
  private static String dnsName(String name) {
    if (name == null) {
      return null;
    }
    String lower = Values.lower(name);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Declared tag keys whose live value differs; live-only keys are not compared. */
  private void tags(Map<String, String> state, Map<String, String> live) {
    state.forEach(
        (key, value) -> {
          String other = live.get(key);
          if (!value.equals(other)) {
            add(
                Rules.RESOURCE_TAGS,
                Rules.RESOURCE_TAGS.severity(),
                "tags." + key,
                value,
                other,
                other == null
                    ? "tag " + key + " is gone live (state: " + value + ")"
                    : "tag " + key + " is " + other + " live, " + value + " in state",
                FIX);
          }
        });
  }

  private <T> void fields(T s, T l, String prefix, List<Field<T>> fields) {
    for (Field<T> field : fields) {
      Object a = field.get().apply(s);
      Object b = field.get().apply(l);
      if (a == null || b == null || same(a, b)) {
        continue;
      }
      String path = prefix + field.name();
      add(
          field.rule(),
          field.grade().apply(a, b),
          path,
          a,
          b,
          a instanceof Collection<?>
              ? setMessage(path, a, b)
              : path + " is " + text(b) + " live, " + text(a) + " in state",
          FIX);
    }
  }

  /** Elements of two lists paired by key: added, removed, then their fields. */
  private <T> void keyed(
      String name,
      String singular,
      Rule rule,
      List<T> stateItems,
      List<T> liveItems,
      Function<T, String> key,
      Function<T, String> describe,
      List<Field<T>> fields) {
    Map<String, T> s = byKey(stateItems, key);
    Map<String, T> l = byKey(liveItems, key);
    s.forEach(
        (k, item) -> {
          T other = l.get(k);
          String path = name + "[" + k + "]";
          if (other == null) {
            add(
                rule,
                drift(rule),
                path,
                describe.apply(item),
                null,
                singular + " " + describe.apply(item) + " is in state but not live",
                "terraform apply re-creates it; remove it from the configuration if it was removed"
                    + " on purpose");
          } else {
            fields(item, other, path + ".", fields);
          }
        });
    l.forEach(
        (k, item) -> {
          if (!s.containsKey(k)) {
            add(
                rule,
                drift(rule),
                name + "[" + k + "]",
                null,
                describe.apply(item),
                singular + " " + describe.apply(item) + " is live but not in state",
                "add it to the configuration if it is intended; else terraform apply removes it");
          }
        });
  }

  private void add(
      Rule rule,
      Severity severity,
      String path,
      Object stateValue,
      Object liveValue,
      String message,
      String fix) {
    if (DriftIgnores.ignored(state.kind(), path)) {
      return;
    }
    pair.changed(rule)
        .severity(severity)
        .attribute(path)
        .values(stateValue, liveValue)
        .fix(fix)
        .add(message);
  }

  private static <T> Field<T> field(String name, Rule rule, Function<T, Object> get) {
    Grade grade = (a, b) -> drift(rule);
    return new Field<>(name, rule, grade, get);
  }

  /** A rule's severity for drift: high rules rank medium unless a grade says otherwise. */
  private static Severity drift(Rule rule) {
    return rule.severity() == Severity.HIGH ? Severity.MEDIUM : rule.severity();
  }

  /** High when a protection on in state is off live, medium otherwise. */
  private static Grade turnedOff() {
    return (a, b) -> Boolean.FALSE.equals(b) ? Severity.HIGH : Severity.MEDIUM;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
      return normalized(x).equals(normalized(y));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equalsIgnoreCase(y);
    }
    return a.equals(b);
  }

  private static Set<String> normalized(Collection<?> items) {
    Set<String> set = new TreeSet<>();
    items.forEach(i -> set.add(Values.lower(String.valueOf(i))));
    return set;
  }

  private static String setMessage(String path, Object state, Object live) {
    Set<String> s = normalized((Collection<?>) state);
    Set<String> l = normalized((Collection<?>) live);
    List<String> parts = new ArrayList<>();
    Set<String> added = new TreeSet<>(l);
    added.removeAll(s);
    Set<String> removed = new TreeSet<>(s);
    removed.removeAll(l);
    if (!added.isEmpty()) {
      parts.add("live adds " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      parts.add("live lacks " + String.join(", ", removed));
    }
    return path + " differ: " + String.join("; ", parts);
  }

  private static String text(Object value) {
    return Values.orNone(value);
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.putIfAbsent(Values.lower(key.apply(item)), item));
    return map;
  }

  private static Set<Integer> duplicatePorts(List<Listener> a, List<Listener> b) {
    Set<Integer> duplicates = new HashSet<>();
    for (List<Listener> side : List.of(a, b)) {
      Set<Integer> seen = new HashSet<>();
      side.forEach(
          listener -> {
            if (!seen.add(listener.port())) {
              duplicates.add(listener.port());
            }
          });
    }
    return duplicates;
  }
}
