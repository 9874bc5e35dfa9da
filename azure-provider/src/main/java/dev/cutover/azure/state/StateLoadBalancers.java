package dev.cutover.azure.state;

import static dev.cutover.azure.state.StateSupport.both;
import static dev.cutover.azure.state.StateSupport.first;

import dev.cutover.azure.canonical.AppGateways;
import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.azure.canonical.AzureLoadBalancers;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code azurerm_application_gateway}, and {@code azurerm_lb} with {@code azurerm_lb_rule} and
 * {@code azurerm_lb_probe} merged into it by {@code loadbalancer_id}, as the hashicorp/azurerm
 * provider writes them. The canonical rules are those of {@link AppGateways} and {@link
 * AzureLoadBalancers}.
 */
final class StateLoadBalancers {

  static final String APP_GATEWAY = "azurerm_application_gateway";
  static final String LB = "azurerm_lb";
  static final String LB_RULE = "azurerm_lb_rule";
  static final String LB_PROBE = "azurerm_lb_probe";

  private StateLoadBalancers() {}

  static List<Resource> appGateways(List<StateResource> gateways) {
    List<Resource> resources = new ArrayList<>();
    StateSupport.each(
        gateways,
        gateway ->
            resources.add(AppGateways.toLoadBalancer(StateSupport.meta(gateway), spec(gateway))));
    return resources;
  }

  /**
   * Load balancers with their rules and probes; rules and probes whose load balancer is not in the
   * state form a load balancer of their own keyed by {@code loadbalancer_id} (scheme and SKU then
   * unknown).
   */
  static List<Resource> loadBalancers(
      List<StateResource> balancers, List<StateResource> rules, List<StateResource> probes) {
    Map<String, ResourceMeta> metas = new LinkedHashMap<>();
    Map<String, Boolean> publicFrontend = new LinkedHashMap<>();
    Map<String, String> skus = new LinkedHashMap<>();
    Map<String, List<AzureLoadBalancers.Rule>> rulesOf = new LinkedHashMap<>();
    Map<String, List<AzureLoadBalancers.Probe>> probesOf = new LinkedHashMap<>();
    StateSupport.each(
        balancers,
        lb -> {
          ResourceMeta meta = StateSupport.meta(lb);
          metas.put(meta.idKey(), meta);
          publicFrontend.put(
              meta.idKey(),
              lb.blocks("frontend_ip_configuration").stream()
                  .anyMatch(
                      f ->
                          Attributes.string(f, "public_ip_address_id") != null
                              || Attributes.string(f, "public_ip_prefix_id") != null));
          skus.put(meta.idKey(), lb.string("sku"));
        });
    StateSupport.each(
        rules,
        rule ->
            parent(rule, metas)
                .ifPresent(
                    key ->
                        rulesOf
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(
                                new AzureLoadBalancers.Rule(
                                    rule.string("protocol"),
                                    rule.integer("frontend_port"),
                                    rule.integer("backend_port"),
                                    AzureIds.name(
                                        both(
                                                rule.attributes(),
                                                "backend_address_pool_id",
                                                "backend_address_pool_ids")
                                            .stream()
                                            .findFirst()
                                            .orElse(null)),
                                    AzureIds.name(rule.string("probe_id")),
                                    rule.integer("idle_timeout_in_minutes")))));
    StateSupport.each(
        probes,
        probe ->
            parent(probe, metas)
                .ifPresent(
                    key ->
                        probesOf
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(
                                new AzureLoadBalancers.Probe(
                                    probe.string("name"),
                                    probe.string("protocol"),
                                    probe.integer("port"),
                                    probe.string("request_path"),
                                    probe.integer("interval_in_seconds"),
                                    probe.integer("probe_threshold"),
                                    probe.integer("number_of_probes")))));
    List<Resource> resources = new ArrayList<>();
    metas.forEach(
        (key, meta) ->
            resources.add(
                AzureLoadBalancers.toLoadBalancer(
                    meta,
                    publicFrontend.get(key),
                    skus.get(key),
                    rulesOf.getOrDefault(key, List.of()),
                    probesOf.getOrDefault(key, List.of()))));
    return resources;
  }

  /** The key of the load balancer a rule or probe belongs to, adding a group for an absent one. */
  private static Optional<String> parent(StateResource child, Map<String, ResourceMeta> metas) {
    String lbId = child.string("loadbalancer_id");
    if (lbId == null) {
      return Optional.empty();
    }
    ResourceMeta meta = StateSupport.parentMeta(lbId, LB);
    metas.putIfAbsent(meta.idKey(), meta);
    return Optional.of(meta.idKey());
  }

  private static AppGateways.Spec spec(StateResource gateway) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Map<String, Object> port : gateway.blocks("frontend_port")) {
      ports.put(AppGateways.key(Attributes.string(port, "name")), Attributes.integer(port, "port"));
    }
    List<AppGateways.Listener> listeners = new ArrayList<>();
    for (Map<String, Object> l : gateway.blocks("http_listener")) {
      listeners.add(
          new AppGateways.Listener(
              Attributes.string(l, "name"),
              Attributes.string(l, "protocol"),
              ports.get(AppGateways.key(Attributes.string(l, "frontend_port_name"))),
              both(l, "host_name", "host_names"),
              Attributes.string(l, "ssl_certificate_name") != null,
              Attributes.string(l, "ssl_profile_name")));
    }
    List<AppGateways.Rule> rules = new ArrayList<>();
    for (Map<String, Object> r : gateway.blocks("request_routing_rule")) {
      rules.add(
          new AppGateways.Rule(
              Attributes.string(r, "name"),
              "PathBasedRouting".equalsIgnoreCase(Attributes.string(r, "rule_type")),
              Attributes.integer(r, "priority"),
              Attributes.string(r, "http_listener_name"),
              Attributes.string(r, "backend_address_pool_name"),
              Attributes.string(r, "backend_http_settings_name"),
              Attributes.string(r, "redirect_configuration_name"),
              Attributes.string(r, "url_path_map_name")));
    }
    List<AppGateways.PathMap> pathMaps = new ArrayList<>();
    for (Map<String, Object> m : gateway.blocks("url_path_map")) {
      List<AppGateways.PathRule> pathRules = new ArrayList<>();
      for (Map<String, Object> p : Attributes.blocks(m, "path_rule")) {
        pathRules.add(
            new AppGateways.PathRule(
                Attributes.strings(p, "paths"),
                Attributes.string(p, "backend_address_pool_name"),
                Attributes.string(p, "backend_http_settings_name"),
                Attributes.string(p, "redirect_configuration_name")));
      }
      pathMaps.add(
          new AppGateways.PathMap(
              Attributes.string(m, "name"),
              Attributes.string(m, "default_backend_address_pool_name"),
              Attributes.string(m, "default_backend_http_settings_name"),
              Attributes.string(m, "default_redirect_configuration_name"),
              pathRules));
    }
    List<AppGateways.Pool> pools = new ArrayList<>();
    for (Map<String, Object> p : gateway.blocks("backend_address_pool")) {
      pools.add(
          new AppGateways.Pool(
              Attributes.string(p, "name"),
              Attributes.strings(p, "ip_addresses").size()
                  + Attributes.strings(p, "fqdns").size()));
    }
    List<AppGateways.Settings> settings = new ArrayList<>();
    for (Map<String, Object> s : gateway.blocks("backend_http_settings")) {
      settings.add(
          new AppGateways.Settings(
              Attributes.string(s, "name"),
              Attributes.string(s, "protocol"),
              Attributes.integer(s, "port"),
              Attributes.integer(s, "request_timeout"),
              Attributes.string(s, "probe_name")));
    }
    List<AppGateways.Probe> probes = new ArrayList<>();
    for (Map<String, Object> p : gateway.blocks("probe")) {
      probes.add(
          new AppGateways.Probe(
              Attributes.string(p, "name"),
              Attributes.string(p, "protocol"),
              Attributes.integer(p, "port"),
              Attributes.string(p, "path"),
              Attributes.integer(p, "interval"),
              Attributes.integer(p, "timeout"),
              Attributes.integer(p, "unhealthy_threshold"),
              Attributes.strings(first(p, "match"), "status_code")));
    }
    Map<String, AppGateways.TlsPolicy> profiles = new LinkedHashMap<>();
    for (Map<String, Object> profile : gateway.blocks("ssl_profile")) {
      AppGateways.TlsPolicy policy = tlsPolicy(first(profile, "ssl_policy"));
      if (policy != null && Attributes.string(profile, "name") != null) {
        profiles.put(Attributes.string(profile, "name"), policy);
      }
    }
    Map<String, Object> sku = first(gateway.attributes(), "sku");
    Map<String, Object> autoscale = first(gateway.attributes(), "autoscale_configuration");
    Map<String, Object> waf = first(gateway.attributes(), "waf_configuration");
    return new AppGateways.Spec(
        gateway.blocks("frontend_ip_configuration").stream()
            .anyMatch(f -> Attributes.string(f, "public_ip_address_id") != null),
        listeners,
        rules,
        pathMaps,
        pools,
        settings,
        probes,
        tlsPolicy(first(gateway.attributes(), "ssl_policy")),
        profiles,
        Attributes.string(sku, "name"),
        Attributes.integer(sku, "capacity"),
        Attributes.integer(autoscale, "min_capacity"),
        Boolean.TRUE.equals(Attributes.bool(waf, "enabled"))
            || gateway.string("firewall_policy_id") != null);
  }

  private static AppGateways.TlsPolicy tlsPolicy(Map<String, Object> policy) {
    if (policy.isEmpty()) {
      return null;
    }
    return new AppGateways.TlsPolicy(
        Attributes.string(policy, "policy_type"),
        Attributes.string(policy, "policy_name"),
        Attributes.string(policy, "min_protocol_version"));
  }
}
