package dev.cutover.azure.canonical;

import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An Application Gateway as a canonical {@link LoadBalancer}, built the same way from Terraform
 * state and from the ARM API: both sides first fill a {@link Spec} (child objects referenced by
 * name), then {@link #toLoadBalancer(ResourceMeta, Spec)} applies one set of rules.
 *
 * <ul>
 *   <li>{@code scheme} {@code internet} if a frontend IP configuration has a public IP, else {@code
 *       internal}; {@code layer} 7.
 *   <li>{@code listeners}: one per HTTP listener, with its frontend port; for HTTPS the TLS policy
 *       ({@link TlsPolicy#describe()}; the listener's SSL profile before the gateway's policy) and
 *       whether a certificate is attached.
 *   <li>{@code routes}: a Basic request-routing rule is one route (the listener's host names, any
 *       path); a path-based rule is one route per path rule of its URL path map plus one for the
 *       map's default. Action {@code redirect} for a redirect configuration, else {@code forward}
 *       to the backend pool.
 *   <li>{@code backends}: one per backend pool, with the protocol and port of the HTTP settings the
 *       routes pair it with (the first such route), and its number of addresses.
 *   <li>{@code healthProbes}: one per custom probe; {@code backend} is the pool routed with the
 *       HTTP settings that use the probe.
 *   <li>{@code idleTimeoutSeconds}: the largest backend HTTP settings {@code requestTimeout}
 *       (seconds).
 *   <li>{@code sku} the SKU name; {@code capacity} the autoscale minimum when autoscaling, else the
 *       SKU capacity; {@code waf} true when the WAF configuration is enabled or a WAF policy is
 *       associated.
 * </ul>
 *
 * <p>Lists are sorted so that the order of Terraform's sets and of ARM arrays never shows as a
 * difference. Source: "Application Gateway components" (Microsoft Learn,
 * learn.microsoft.com/azure/application-gateway/application-gateway-components).
 */
public final class AppGateways {

  /**
   * An HTTP listener.
   *
   * @param protocol {@code Http} or {@code Https} in any case
   * @param port the port of its frontend port; null if unknown
   * @param hostNames host names it answers for; empty for any
   * @param certificate true if an SSL certificate is attached
   * @param sslProfile the name of its SSL profile, or null
   */
  public record Listener(
      String name,
      String protocol,
      Integer port,
      List<String> hostNames,
      boolean certificate,
      String sslProfile) {}

  /**
   * A request-routing rule; children by name.
   *
   * @param pathBased true for {@code PathBasedRouting}
   */
  public record Rule(
      String name,
      boolean pathBased,
      Integer priority,
      String listener,
      String pool,
      String settings,
      String redirect,
      String pathMap) {}

  /** A URL path map with its default target. */
  public record PathMap(
      String name,
      String defaultPool,
      String defaultSettings,
      String defaultRedirect,
      List<PathRule> rules) {}

  /** A path rule of a URL path map. */
  public record PathRule(List<String> paths, String pool, String settings, String redirect) {}

  /**
   * A backend address pool.
   *
   * @param targets its number of addresses (IPs, FQDNs, NIC IP configurations)
   */
  public record Pool(String name, Integer targets) {}

  /**
   * Backend HTTP settings.
   *
   * @param requestTimeoutSeconds {@code requestTimeout}, seconds
   * @param probe the name of its custom probe, or null
   */
  public record Settings(
      String name, String protocol, Integer port, Integer requestTimeoutSeconds, String probe) {}

  /** A custom health probe; intervals in seconds. */
  public record Probe(
      String name,
      String protocol,
      Integer port,
      String path,
      Integer intervalSeconds,
      Integer timeoutSeconds,
      Integer unhealthyThreshold,
      List<String> statusCodes) {}

  /**
   * An SSL policy ({@code sslPolicy} / {@code ssl_policy}).
   *
   * @param type {@code Predefined}, {@code Custom}, {@code CustomV2} or null
   * @param name the predefined policy name ({@code AppGwSslPolicy20220101}) or null
   * @param minProtocolVersion {@code TLSv1_2} style, or null
   */
  public record TlsPolicy(String type, String name, String minProtocolVersion) {

    /**
     * The canonical {@code tlsPolicy} of a listener: the predefined policy name, else {@code
     * <type>:<minProtocolVersion>} for a custom policy ({@code CustomV2:TLSv1_2}), else the minimum
     * version alone; null when nothing is set (the Azure default policy applies).
     */
    public String describe() {
      if (name != null && !name.isBlank()) {
        return name;
      }
      if (minProtocolVersion == null || minProtocolVersion.isBlank()) {
        return null;
      }
      return type == null || type.isBlank() ? minProtocolVersion : type + ":" + minProtocolVersion;
    }
  }

  /**
   * Everything the canonical form needs of one gateway.
   *
   * @param publicFrontend true if a frontend IP configuration has a public IP
   * @param gatewayPolicy the gateway's SSL policy, or null
   * @param sslProfiles SSL profile name to its policy
   * @param autoscaleMin the autoscale minimum capacity, or null without autoscaling
   * @param waf WAF enabled or a WAF policy associated
   */
  public record Spec(
      boolean publicFrontend,
      List<Listener> listeners,
      List<Rule> rules,
      List<PathMap> pathMaps,
      List<Pool> pools,
      List<Settings> settings,
      List<Probe> probes,
      TlsPolicy gatewayPolicy,
      Map<String, TlsPolicy> sslProfiles,
      String skuName,
      Integer capacity,
      Integer autoscaleMin,
      Boolean waf) {}

  private static final Comparator<LoadBalancer.Listener> LISTENER_ORDER =
      Comparator.comparing(LoadBalancer.Listener::port, Comparator.nullsFirst(Integer::compare))
          .thenComparing(LoadBalancer.Listener::protocol, Comparator.nullsFirst(String::compareTo));

  private AppGateways() {}

  /** The canonical load balancer of one gateway. */
  public static LoadBalancer toLoadBalancer(ResourceMeta meta, Spec spec) {
    Map<String, Listener> listeners = byName(spec.listeners(), Listener::name);
    Map<String, Settings> settings = byName(spec.settings(), Settings::name);
    Map<String, PathMap> pathMaps = byName(spec.pathMaps(), PathMap::name);
    Map<String, TlsPolicy> profiles = new LinkedHashMap<>();
    spec.sslProfiles().forEach((name, policy) -> profiles.put(key(name), policy));

    List<LoadBalancer.Route> routes = new ArrayList<>();
    Map<String, String> poolOfSettings = new LinkedHashMap<>();
    for (Rule rule : sortedRules(spec.rules())) {
      Listener listener = listeners.get(key(rule.listener()));
      Integer port = listener == null ? null : listener.port();
      List<String> hosts = listener == null ? List.of() : sortedLower(listener.hostNames());
      PathMap map = rule.pathBased() ? pathMaps.get(key(rule.pathMap())) : null;
      if (map == null) {
        routes.add(route(port, rule.priority(), hosts, List.of(), rule.redirect(), rule.pool()));
        pair(poolOfSettings, rule.settings(), rule.pool());
        continue;
      }
      for (PathRule pathRule : map.rules()) {
        routes.add(
            route(
                port,
                rule.priority(),
                hosts,
                pathRule.paths().stream().sorted().toList(),
                pathRule.redirect(),
                pathRule.pool()));
        pair(poolOfSettings, pathRule.settings(), pathRule.pool());
      }
      routes.add(
          route(port, rule.priority(), hosts, List.of(), map.defaultRedirect(), map.defaultPool()));
      pair(poolOfSettings, map.defaultSettings(), map.defaultPool());
    }
    routes.sort(
        Comparator.comparing(
                LoadBalancer.Route::listenerPort, Comparator.nullsFirst(Integer::compare))
            .thenComparing(LoadBalancer.Route::priority, Comparator.nullsFirst(Integer::compare))
            .thenComparing(r -> String.join(",", r.hosts()))
            .thenComparing(r -> String.join(",", r.paths()))
            .thenComparing(r -> String.valueOf(r.backend())));

    List<LoadBalancer.Backend> backends = new ArrayList<>();
    for (Pool pool : spec.pools()) {
      Settings used = null;
      for (Map.Entry<String, String> pair : poolOfSettings.entrySet()) {
        if (AzureIds.same(pair.getValue(), pool.name())) {
          used = settings.get(pair.getKey());
          break;
        }
      }
      backends.add(
          new LoadBalancer.Backend(
              pool.name(),
              used == null ? null : lower(used.protocol()),
              used == null ? null : used.port(),
              pool.targets()));
    }
    backends.sort(Comparator.comparing(LoadBalancer.Backend::name));

    List<LoadBalancer.HealthProbe> probes = new ArrayList<>();
    for (Probe probe : spec.probes()) {
      String backend = null;
      for (Settings s : spec.settings()) {
        if (AzureIds.same(s.probe(), probe.name()) && poolOfSettings.containsKey(key(s.name()))) {
          backend = poolOfSettings.get(key(s.name()));
          break;
        }
      }
      List<String> codes = probe.statusCodes() == null ? List.of() : probe.statusCodes();
      probes.add(
          new LoadBalancer.HealthProbe(
              lower(probe.protocol()),
              probe.port() == null || probe.port() == 0 ? null : probe.port(),
              probe.path(),
              probe.intervalSeconds(),
              probe.timeoutSeconds(),
              null,
              probe.unhealthyThreshold(),
              codes.isEmpty() ? null : String.join(",", codes.stream().sorted().toList()),
              backend));
    }
    probes.sort(
        Comparator.comparing((LoadBalancer.HealthProbe p) -> String.valueOf(p.backend()))
            .thenComparing(p -> String.valueOf(p.path()))
            .thenComparing(p -> String.valueOf(p.port())));

    List<LoadBalancer.Listener> canonicalListeners = new ArrayList<>();
    for (Listener listener : spec.listeners()) {
      boolean https = "https".equalsIgnoreCase(listener.protocol());
      TlsPolicy policy = profiles.getOrDefault(key(listener.sslProfile()), spec.gatewayPolicy());
      canonicalListeners.add(
          new LoadBalancer.Listener(
              lower(listener.protocol()),
              listener.port(),
              https && policy != null ? policy.describe() : null,
              https ? listener.certificate() : null));
    }
    canonicalListeners.sort(LISTENER_ORDER);

    Integer idle =
        spec.settings().stream()
            .map(Settings::requestTimeoutSeconds)
            .filter(Objects::nonNull)
            .max(Integer::compare)
            .orElse(null);
    return new LoadBalancer(
        meta,
        spec.publicFrontend() ? "internet" : "internal",
        7,
        canonicalListeners,
        probes,
        idle,
        routes,
        backends,
        null,
        spec.skuName(),
        spec.autoscaleMin() != null ? spec.autoscaleMin() : spec.capacity(),
        spec.waf());
  }

  /** Lower-cases names so that children match case-insensitively, as ARM names do. */
  public static String key(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  private static <T> Map<String, T> byName(
      List<T> items, java.util.function.Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      if (name.apply(item) != null) {
        map.putIfAbsent(key(name.apply(item)), item);
      }
    }
    return map;
  }

  private static List<Rule> sortedRules(List<Rule> rules) {
    return rules.stream()
        .sorted(
            Comparator.comparing(Rule::priority, Comparator.nullsLast(Integer::compare))
                .thenComparing(r -> String.valueOf(key(r.name()))))
        .toList();
  }

  private static void pair(Map<String, String> poolOfSettings, String settings, String pool) {
    if (settings != null && pool != null) {
      poolOfSettings.putIfAbsent(key(settings), pool);
    }
  }

  private static LoadBalancer.Route route(
      Integer port,
      Integer priority,
      List<String> hosts,
      List<String> paths,
      String redirect,
      String pool) {
    boolean redirects = redirect != null && !redirect.isBlank();
    return new LoadBalancer.Route(
        port, priority, hosts, paths, redirects ? "redirect" : "forward", redirects ? null : pool);
  }

  private static List<String> sortedLower(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(Objects::nonNull).map(AppGateways::lower).sorted().toList();
  }

  static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }
}
