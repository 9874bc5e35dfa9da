package dev.cutover.aws.mapping;

import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles canonical {@link LoadBalancer}s from the ELBv2 parts, the same way for Terraform state
 * ({@code aws_lb}, {@code aws_lb_listener}, {@code aws_lb_listener_rule}, {@code
 * aws_lb_target_group}) and for the API ({@code DescribeLoadBalancers}, {@code DescribeListeners},
 * {@code DescribeRules}, {@code DescribeTargetGroups}).
 *
 * <ul>
 *   <li>Listeners: protocol lower case, port, TLS policy and whether a certificate is attached (for
 *       HTTPS/TLS listeners only).
 *   <li>Routes: each listener's default actions (priority null) and each rule; the first terminal
 *       action ({@code forward}, {@code redirect}, {@code fixed-response}) counts, {@code
 *       authenticate-*} actions before it do not route; a forward to several target groups is one
 *       route per group.
 *   <li>Backends: the target groups the routes forward to, by name (a target group ARN the parts do
 *       not describe keeps the name inside its ARN); registered target counts are not read (null).
 *   <li>Health probes: the health check of each backend, unless disabled; port null for {@code
 *       traffic-port}; path and matcher for HTTP(S) checks only.
 *   <li>Scheme {@code internet}/{@code internal} (API {@code internet-facing}, Terraform {@code
 *       internal}); layer 7 for {@code application}, 4 for {@code network}, 3 for {@code gateway};
 *       idle timeout for application load balancers only (the attribute {@code
 *       idle_timeout.timeout_seconds} exists for them alone: ELB User Guide, "Load balancer
 *       attributes").
 * </ul>
 *
 * ARNs are compared case-insensitively. Lists are sorted so that state and live compare equal.
 */
public final class LoadBalancers {

  private static final Logger LOG = LoggerFactory.getLogger(LoadBalancers.class);
  private static final Set<String> TERMINAL = Set.of("forward", "redirect", "fixed-response");

  private LoadBalancers() {}

  /**
   * A load balancer.
   *
   * @param meta id (the ARN), name, address, type, region, tags
   * @param scheme {@code internet-facing}, {@code internet} or {@code internal}; null if unknown
   * @param type {@code application}, {@code network} or {@code gateway}
   * @param idleTimeoutSeconds the idle timeout attribute, seconds
   * @param deletionProtection the deletion protection attribute
   */
  public record Balancer(
      ResourceMeta meta,
      String scheme,
      String type,
      Integer idleTimeoutSeconds,
      Boolean deletionProtection) {}

  /**
   * A listener.
   *
   * @param certificate whether a (default) certificate is attached
   */
  public record Listener(
      String arn,
      String loadBalancerArn,
      String protocol,
      Integer port,
      String sslPolicy,
      Boolean certificate,
      List<Action> defaultActions) {
    public Listener {
      defaultActions = defaultActions == null ? List.of() : List.copyOf(defaultActions);
    }
  }

  /** A listener rule with its host-header and path-pattern conditions. */
  public record Rule(
      String listenerArn,
      Integer priority,
      List<String> hosts,
      List<String> paths,
      List<Action> actions) {
    public Rule {
      hosts = hosts == null ? List.of() : List.copyOf(hosts);
      paths = paths == null ? List.of() : List.copyOf(paths);
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  /**
   * An action in its order.
   *
   * @param type {@code forward}, {@code redirect}, {@code fixed-response}, {@code authenticate-*}
   * @param targetGroupArns the groups a forward sends to
   */
  public record Action(Integer order, String type, List<String> targetGroupArns) {
    public Action {
      targetGroupArns = targetGroupArns == null ? List.of() : List.copyOf(targetGroupArns);
    }
  }

  /** A target group with its health check (null if the source does not tell). */
  public record TargetGroup(
      String arn, String name, String protocol, Integer port, HealthCheck healthCheck) {}

  /**
   * A target group health check as ELBv2 describes it.
   *
   * @param enabled false if disabled; null is treated as enabled (older API documents omit it)
   * @param port a port number or {@code traffic-port}
   * @param matcher HTTP codes ({@code 200}, {@code 200-399})
   */
  public record HealthCheck(
      Boolean enabled,
      String protocol,
      String port,
      String path,
      Integer intervalSeconds,
      Integer timeoutSeconds,
      Integer healthyThreshold,
      Integer unhealthyThreshold,
      String matcher) {}

  /**
   * The load balancers with their listeners, routes, backends and probes. Listeners and rules of a
   * load balancer not among {@code balancers} are left out (logged).
   */
  public static List<LoadBalancer> assemble(
      List<Balancer> balancers,
      List<Listener> listeners,
      List<Rule> rules,
      List<TargetGroup> targetGroups) {
    Map<String, TargetGroup> groups = new LinkedHashMap<>();
    targetGroups.forEach(group -> groups.put(key(group.arn()), group));
    Map<String, Listener> listenersByArn = new LinkedHashMap<>();
    listeners.forEach(listener -> listenersByArn.put(key(listener.arn()), listener));

    Map<String, Collected> byBalancer = new LinkedHashMap<>();
    for (Listener listener : listeners) {
      Collected parts =
          byBalancer.computeIfAbsent(key(listener.loadBalancerArn()), k -> new Collected());
      parts.listeners.add(canonical(listener));
      parts.add(listener.port(), null, List.of(), List.of(), listener.defaultActions());
    }
    for (Rule rule : rules) {
      Listener listener = listenersByArn.get(key(rule.listenerArn()));
      String balancer =
          listener != null ? listener.loadBalancerArn() : Arns.loadBalancerOf(rule.listenerArn());
      byBalancer
          .computeIfAbsent(key(balancer), k -> new Collected())
          .add(
              listener == null ? null : listener.port(),
              rule.priority(),
              rule.hosts(),
              rule.paths(),
              rule.actions());
    }

    List<LoadBalancer> result = new ArrayList<>();
    for (Balancer balancer : balancers) {
      Collected parts = byBalancer.remove(key(balancer.meta().id()));
      if (parts == null) {
        parts = new Collected();
      }
      List<LoadBalancer.Backend> backends = new ArrayList<>();
      List<LoadBalancer.HealthProbe> probes = new ArrayList<>();
      for (String arn : parts.targetGroupArns.values()) {
        TargetGroup group = groups.get(key(arn));
        if (group == null) {
          backends.add(new LoadBalancer.Backend(Arns.elbName(arn), null, null, null));
          continue;
        }
        backends.add(
            new LoadBalancer.Backend(group.name(), lower(group.protocol()), group.port(), null));
        LoadBalancer.HealthProbe probe = probe(group);
        if (probe != null) {
          probes.add(probe);
        }
      }
      parts.listeners.sort(LISTENER_ORDER);
      parts.routes.sort(ROUTE_ORDER);
      backends.sort(Comparator.comparing(LoadBalancer.Backend::name, NULLS_FIRST));
      probes.sort(Comparator.comparing(LoadBalancer.HealthProbe::backend, NULLS_FIRST));
      String type = lower(balancer.type());
      result.add(
          new LoadBalancer(
              balancer.meta(),
              scheme(balancer.scheme()),
              layer(type),
              parts.listeners,
              probes,
              "application".equals(type) ? balancer.idleTimeoutSeconds() : null,
              parts.routes,
              backends,
              balancer.deletionProtection(),
              type,
              null,
              null));
    }
    byBalancer
        .keySet()
        .forEach(lb -> LOG.debug("listeners and rules of load balancer {} left out: not read", lb));
    return result;
  }

  /** What the listeners and rules of one load balancer contribute. */
  private static final class Collected {
    final List<LoadBalancer.Listener> listeners = new ArrayList<>();
    final List<LoadBalancer.Route> routes = new ArrayList<>();

    /** Referenced target group ARNs by {@link #key(String)}, in order of reference. */
    final Map<String, String> targetGroupArns = new LinkedHashMap<>();

    void add(
        Integer port,
        Integer priority,
        List<String> hosts,
        List<String> paths,
        List<Action> actions) {
      routes.addAll(LoadBalancers.routes(port, priority, hosts, paths, actions));
      actions.forEach(
          action -> action.targetGroupArns().forEach(a -> targetGroupArns.putIfAbsent(key(a), a)));
    }
  }

  private static LoadBalancer.Listener canonical(Listener listener) {
    String protocol = lower(listener.protocol());
    boolean tls = "https".equals(protocol) || "tls".equals(protocol);
    return new LoadBalancer.Listener(
        protocol,
        listener.port(),
        blankToNull(listener.sslPolicy()),
        tls ? Boolean.TRUE.equals(listener.certificate()) : null);
  }

  private static List<LoadBalancer.Route> routes(
      Integer port,
      Integer priority,
      List<String> hosts,
      List<String> paths,
      List<Action> actions) {
    Action terminal =
        actions.stream()
            .sorted(Comparator.comparing(Action::order, Comparator.nullsLast(Integer::compare)))
            .filter(action -> TERMINAL.contains(lower(action.type())))
            .findFirst()
            .orElse(null);
    if (terminal == null) {
      return List.of();
    }
    String type = lower(terminal.type());
    List<String> sortedHosts = hosts.stream().map(LoadBalancers::lower).sorted().toList();
    List<String> sortedPaths = paths.stream().sorted().toList();
    List<String> backends =
        terminal.targetGroupArns().stream().map(Arns::elbName).distinct().sorted().toList();
    if (!type.equals("forward") || backends.isEmpty()) {
      return List.of(new LoadBalancer.Route(port, priority, sortedHosts, sortedPaths, type, null));
    }
    return backends.stream()
        .map(
            backend ->
                new LoadBalancer.Route(port, priority, sortedHosts, sortedPaths, type, backend))
        .toList();
  }

  private static LoadBalancer.HealthProbe probe(TargetGroup group) {
    HealthCheck check = group.healthCheck();
    if (check == null || Boolean.FALSE.equals(check.enabled())) {
      return null;
    }
    String protocol = lower(check.protocol());
    boolean http = "http".equals(protocol) || "https".equals(protocol);
    return new LoadBalancer.HealthProbe(
        protocol,
        port(check.port()),
        http ? blankToNull(check.path()) : null,
        check.intervalSeconds(),
        check.timeoutSeconds(),
        check.healthyThreshold(),
        check.unhealthyThreshold(),
        http ? blankToNull(check.matcher()) : null,
        group.name());
  }

  private static Integer port(String port) {
    if (port == null || port.isBlank() || port.equalsIgnoreCase("traffic-port")) {
      return null;
    }
    try {
      return Integer.valueOf(port.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String scheme(String scheme) {
    if (scheme == null || scheme.isBlank()) {
      return null;
    }
    return scheme.equalsIgnoreCase("internal") ? "internal" : "internet";
  }

  private static Integer layer(String type) {
    if (type == null) {
      return null;
    }
    switch (type) {
      case "application":
        return 7;
      case "network":
        return 4;
      case "gateway":
        return 3;
      default:
        return null;
    }
  }

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(String::compareTo);
  private static final Comparator<Integer> INT_NULLS_FIRST =
      Comparator.nullsFirst(Integer::compareTo);
  private static final Comparator<LoadBalancer.Listener> LISTENER_ORDER =
      Comparator.comparing(LoadBalancer.Listener::port, INT_NULLS_FIRST)
          .thenComparing(LoadBalancer.Listener::protocol, NULLS_FIRST);
  private static final Comparator<LoadBalancer.Route> ROUTE_ORDER =
      Comparator.comparing(LoadBalancer.Route::listenerPort, INT_NULLS_FIRST)
          .thenComparing(LoadBalancer.Route::priority, INT_NULLS_FIRST)
          .thenComparing(r -> String.join(",", r.hosts()))
          .thenComparing(r -> String.join(",", r.paths()))
          .thenComparing(LoadBalancer.Route::action, NULLS_FIRST)
          .thenComparing(LoadBalancer.Route::backend, NULLS_FIRST);

  private static String key(String arn) {
    return arn == null ? "" : arn.toLowerCase(Locale.ROOT);
  }

  private static String lower(String text) {
    return text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
