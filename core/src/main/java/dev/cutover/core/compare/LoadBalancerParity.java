package dev.cutover.core.compare;

import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.LoadBalancer.Backend;
import dev.cutover.core.model.LoadBalancer.HealthProbe;
import dev.cutover.core.model.LoadBalancer.Listener;
import dev.cutover.core.model.LoadBalancer.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Parity of two load balancers: exposure, type (layer), listeners with TLS policy and certificate,
 * host/path routes, health probes, idle timeout and WAF. Lists a side leaves empty (routes, probes)
 * count as unknown and are not compared.
 */
final class LoadBalancerParity {

  /** A target probe interval within this fraction of the source's is equivalent. */
  static final double INTERVAL_TOLERANCE = 0.5;

  /** Thresholds within this many probes of the source's are equivalent. */
  static final int THRESHOLD_TOLERANCE = 1;

  private final LoadBalancer source;
  private final LoadBalancer target;
  private final Findings.Pair pair;

  private LoadBalancerParity(LoadBalancer source, LoadBalancer target, Findings out) {
    this.source = source;
    this.target = target;
    this.pair = out.about(source, target);
  }

  static void compare(LoadBalancer source, LoadBalancer target, Findings out) {
    new LoadBalancerParity(source, target, out).run();
  }

  private void run() {
    exposure();
    if (source.layer() != null
        && target.layer() != null
        && !source.layer().equals(target.layer())) {
      pair.changed(Rules.LB_TYPE)
          .attribute("layer")
          .values(source.layer(), target.layer())
          .fix(
              "pair an ALB with an Application Gateway and an NLB with an Azure Load Balancer"
                  + " (layer "
                  + source.layer()
                  + ")")
          .add(
              "source is a layer-"
                  + source.layer()
                  + " load balancer, target layer "
                  + target.layer()
                  + ": listeners, TLS and routing cannot match");
      return;
    }
    listeners();
    routes();
    probes();
    idleTimeout();
    if (Boolean.TRUE.equals(source.waf()) && Boolean.FALSE.equals(target.waf())) {
      pair.changed(Rules.LB_WAF)
          .attribute("waf")
          .values(source.waf(), target.waf())
          .fix("attach a WAF policy to the target (Application Gateway WAF_v2 SKU)")
          .add("source filters requests through a web application firewall; target has none");
    }
  }

  private void exposure() {
    String s = scheme(source.scheme());
    String t = scheme(target.scheme());
    if (s == null || t == null || s.equals(t)) {
      return;
    }
    boolean exposed = t.equals("internet");
    pair.changed(Rules.LB_EXPOSURE)
        .attribute("scheme")
        .values(s, t)
        .fix(
            exposed
                ? "give the target only a private frontend (internal load balancer)"
                : "give the target a public frontend IP so internet clients reach it")
        .add(
            exposed
                ? "target is internet-facing; source is internal"
                : "target is internal; source is internet-facing: internet clients cannot reach it");
  }

  private static String scheme(String scheme) {
    if (scheme == null) {
      return null;
    }
    String s = Values.lower(scheme);
    return s.startsWith("internet") || s.equals("public") ? "internet" : s;
  }

  private void listeners() {
    Map<Integer, List<Listener>> s = byPort(source.listeners());
    Map<Integer, List<Listener>> t = byPort(target.listeners());
    s.forEach(
        (port, sources) -> {
          List<Listener> targets = t.get(port);
          String path = "listeners[" + port + "]";
          if (targets == null) {
            pair.changed(Rules.LB_LISTENERS)
                .attribute(path)
                .values(protocols(sources), null)
                .fix("add a " + protocols(sources) + " listener on port " + port + " to the target")
                .add(
                    "target has no listener on port "
                        + port
                        + " (source: "
                        + protocols(sources)
                        + ")");
            return;
          }
          for (Listener sl : sources) {
            Listener tl =
                targets.stream()
                    .filter(l -> protocol(l).equals(protocol(sl)))
                    .findFirst()
                    .orElse(null);
            if (tl == null) {
              pair.changed(Rules.LB_LISTENERS)
                  .attribute(path + ".protocol")
                  .values(protocol(sl), protocols(targets))
                  .fix("make the target listener on port " + port + " " + protocol(sl))
                  .add(
                      "listener on port "
                          + port
                          + ": source "
                          + protocol(sl)
                          + ", target "
                          + protocols(targets));
            } else {
              tls(path, sl, tl);
            }
          }
        });
    t.forEach(
        (port, targets) -> {
          if (!s.containsKey(port)) {
            pair.changed(Rules.LB_LISTENERS)
                .severity(Severity.MEDIUM)
                .attribute("listeners[" + port + "]")
                .values(null, protocols(targets))
                .fix("remove the listener unless the target is meant to accept it")
                .add(
                    "target also listens on port "
                        + port
                        + " ("
                        + protocols(targets)
                        + "); source does not");
          }
        });
  }

  private void tls(String path, Listener s, Listener t) {
    if (!isTls(s)) {
      return;
    }
    if (Boolean.TRUE.equals(s.certificate()) && Boolean.FALSE.equals(t.certificate())) {
      pair.changed(Rules.LB_CERTIFICATE)
          .attribute(path + ".certificate")
          .values(s.certificate(), t.certificate())
          .fix("attach the server certificate (Key Vault reference) to the target listener")
          .add("target " + protocol(t) + " listener on port " + t.port() + " has no certificate");
    }
    if (s.tlsPolicy() == null || t.tlsPolicy() == null) {
      return;
    }
    String sv = TlsPolicies.minimumVersion(s.tlsPolicy()).orElse(null);
    String tv = TlsPolicies.minimumVersion(t.tlsPolicy()).orElse(null);
    if (sv == null || tv == null) {
      pair.changed(Rules.LB_TLS_POLICY)
          .severity(Severity.INFO)
          .attribute(path + ".tlsPolicy")
          .values(s.tlsPolicy(), t.tlsPolicy())
          .fix(
              "check the TLS versions of "
                  + (sv == null ? s.tlsPolicy() : t.tlsPolicy())
                  + " by hand")
          .add(
              "not comparable: unknown TLS policy "
                  + (sv == null ? s.tlsPolicy() : t.tlsPolicy())
                  + " on port "
                  + t.port());
      return;
    }
    int order = tv.compareTo(sv);
    if (order < 0) {
      pair.changed(Rules.LB_TLS_POLICY)
          .attribute(path + ".tlsPolicy")
          .values(s.tlsPolicy(), t.tlsPolicy())
          .fix("use a target TLS policy with minimum TLS " + sv + " or higher")
          .add(
              "target listener on port "
                  + t.port()
                  + " accepts TLS "
                  + tv
                  + " ("
                  + t.tlsPolicy()
                  + "); source requires TLS "
                  + sv
                  + " ("
                  + s.tlsPolicy()
                  + ")");
    } else if (order > 0) {
      pair.changed(Rules.LB_TLS_POLICY)
          .severity(Severity.LOW)
          .attribute(path + ".tlsPolicy")
          .values(s.tlsPolicy(), t.tlsPolicy())
          .fix(
              "keep it if no client needs TLS " + sv + "; else use a policy with minimum TLS " + sv)
          .add(
              "target listener on port "
                  + t.port()
                  + " requires TLS "
                  + tv
                  + " ("
                  + t.tlsPolicy()
                  + "); clients limited to TLS "
                  + sv
                  + " that the source accepts will fail");
    }
  }

  private void routes() {
    if (source.routes().isEmpty() || target.routes().isEmpty()) {
      return;
    }
    Map<String, String> s = routeMap(source);
    Map<String, String> t = routeMap(target);
    s.forEach(
        (match, action) -> {
          String other = t.get(match);
          String path = "routes[" + match + "]";
          if (other == null) {
            pair.changed(Rules.LB_ROUTES)
                .attribute(path)
                .values(action, null)
                .fix("add a routing rule for " + match + " to the target that " + action)
                .add("target has no route for " + match + " (source " + action + ")");
          } else if (!other.equals(action)) {
            pair.changed(Rules.LB_ROUTES)
                .severity(Severity.MEDIUM)
                .attribute(path)
                .values(action, other)
                .fix("make the target rule for " + match + " match the source's (" + action + ")")
                .add("route " + match + ": source " + action + ", target " + other);
          }
        });
    t.forEach(
        (match, action) -> {
          if (!s.containsKey(match)) {
            pair.changed(Rules.LB_ROUTES)
                .severity(Severity.MEDIUM)
                .attribute("routes[" + match + "]")
                .values(null, action)
                .fix("remove the rule unless the target needs it")
                .add(
                    "target has a route for "
                        + match
                        + " that the source does not ("
                        + action
                        + ")");
          }
        });
  }

  /** Route match ({@code port 443 host a.example.com path /api/*}) to its action. */
  private static Map<String, String> routeMap(LoadBalancer lb) {
    Map<String, String> routes = new TreeMap<>();
    for (Route route : lb.routes()) {
      String match =
          "port "
              + route.listenerPort()
              + (route.hosts().isEmpty() ? "" : " host " + sortedLower(route.hosts()))
              + (route.paths().isEmpty()
                  ? ""
                  : " path " + String.join(",", new TreeSet<>(route.paths())))
              + (route.hosts().isEmpty() && route.paths().isEmpty() ? " (default)" : "");
      routes.putIfAbsent(match, action(route, lb));
    }
    return routes;
  }

  /** {@code forwards to http:8080}, {@code redirect}: the backend by protocol and port. */
  private static String action(Route route, LoadBalancer lb) {
    String action = route.action() == null ? "forward" : Values.lower(route.action());
    if (!action.equals("forward") || route.backend() == null) {
      return action;
    }
    Backend backend =
        lb.backends().stream()
            .filter(b -> route.backend().equalsIgnoreCase(b.name()))
            .findFirst()
            .orElse(null);
    if (backend == null || backend.port() == null) {
      return "forwards to " + route.backend();
    }
    String protocol = backend.protocol() == null ? "" : Values.lower(backend.protocol()) + ":";
    return "forwards to " + protocol + backend.port();
  }

  private void probes() {
    if (source.healthProbes().isEmpty() || target.healthProbes().isEmpty()) {
      return;
    }
    List<HealthProbe> unmatchedSource = new ArrayList<>();
    List<HealthProbe> unmatchedTarget = new ArrayList<>(target.healthProbes());
    Map<HealthProbe, HealthProbe> pairs = new LinkedHashMap<>();
    for (HealthProbe s : source.healthProbes()) {
      HealthProbe t =
          unmatchedTarget.stream()
              .filter(p -> probeKey(p).equals(probeKey(s)))
              .findFirst()
              .orElse(null);
      if (t == null) {
        unmatchedSource.add(s);
      } else {
        unmatchedTarget.remove(t);
        pairs.put(s, t);
      }
    }
    if (unmatchedSource.size() == 1 && unmatchedTarget.size() == 1) {
      pairs.put(unmatchedSource.remove(0), unmatchedTarget.remove(0));
    }
    for (HealthProbe s : unmatchedSource) {
      pair.changed(Rules.LB_HEALTH_PROBE)
          .attribute("healthProbes[" + probeKey(s) + "]")
          .values(probeKey(s), null)
          .fix("add a " + probeKey(s) + " health probe to the target")
          .add("target has no " + probeKey(s) + " health probe");
    }
    pairs.forEach(this::probe);
  }

  private void probe(HealthProbe s, HealthProbe t) {
    String path = "healthProbes[" + probeKey(s) + "]";
    if (!Objects.equals(Values.lower(s.protocol()), Values.lower(t.protocol()))) {
      probeFinding(Severity.MEDIUM, path + ".protocol", s.protocol(), t.protocol(), "protocol");
    }
    if (s.path() != null && t.path() != null && !s.path().equals(t.path())) {
      probeFinding(Severity.MEDIUM, path + ".path", s.path(), t.path(), "path");
    }
    if (s.intervalSeconds() != null
        && t.intervalSeconds() != null
        && Math.abs(t.intervalSeconds() - s.intervalSeconds())
            > s.intervalSeconds() * INTERVAL_TOLERANCE) {
      probeFinding(
          Severity.LOW,
          path + ".intervalSeconds",
          s.intervalSeconds(),
          t.intervalSeconds(),
          "interval (s)");
    }
    threshold(
        path + ".unhealthyThreshold",
        s.unhealthyThreshold(),
        t.unhealthyThreshold(),
        "unhealthy threshold");
    threshold(
        path + ".healthyThreshold",
        s.healthyThreshold(),
        t.healthyThreshold(),
        "healthy threshold");
  }

  private void threshold(String path, Integer s, Integer t, String what) {
    if (s != null && t != null && Math.abs(s - t) > THRESHOLD_TOLERANCE) {
      probeFinding(Severity.LOW, path, s, t, what);
    }
  }

  private void probeFinding(Severity severity, String path, Object s, Object t, String what) {
    pair.changed(Rules.LB_HEALTH_PROBE)
        .severity(severity)
        .attribute(path)
        .values(s, t)
        .fix("set the target probe's " + what + " to " + s)
        .add("health probe " + what + ": source " + s + ", target " + t);
  }

  private static String probeKey(HealthProbe probe) {
    String protocol = probe.protocol() == null ? "?" : Values.lower(probe.protocol());
    return protocol + (probe.path() == null ? "" : " " + probe.path());
  }

  private void idleTimeout() {
    Integer s = source.idleTimeoutSeconds();
    Integer t = target.idleTimeoutSeconds();
    if (s != null && t != null && t < s) {
      pair.changed(Rules.LB_IDLE_TIMEOUT)
          .attribute("idleTimeoutSeconds")
          .values(s, t)
          .fix("raise the target's idle/request timeout to " + s + " s")
          .add("target idle timeout " + t + " s is shorter than the source's " + s + " s");
    }
  }

  private static Map<Integer, List<Listener>> byPort(List<Listener> listeners) {
    return listeners.stream()
        .filter(l -> l.port() != null)
        .collect(Collectors.groupingBy(Listener::port, TreeMap::new, Collectors.toList()));
  }

  private static String protocol(Listener listener) {
    String p = listener.protocol() == null ? "?" : Values.lower(listener.protocol());
    return p.equals("tcp_udp") ? "all" : p;
  }

  private static String protocols(List<Listener> listeners) {
    Set<String> protocols = new TreeSet<>();
    listeners.forEach(l -> protocols.add(protocol(l)));
    return String.join("+", protocols);
  }

  private static boolean isTls(Listener listener) {
    String p = protocol(listener);
    return p.equals("https") || p.equals("tls");
  }

  private static String sortedLower(List<String> values) {
    return values.stream().map(Values::lower).sorted().collect(Collectors.joining(","));
  }
}
