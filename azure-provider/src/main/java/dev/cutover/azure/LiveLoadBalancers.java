package dev.cutover.azure;

import static dev.cutover.azure.ArmPages.ref;
import static dev.cutover.azure.ArmPages.text;

import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.fluent.models.ApplicationGatewayInner;
import com.azure.resourcemanager.network.fluent.models.LoadBalancerInner;
import com.azure.resourcemanager.network.models.ApplicationGatewayBackendAddressPool;
import com.azure.resourcemanager.network.models.ApplicationGatewayBackendHttpSettings;
import com.azure.resourcemanager.network.models.ApplicationGatewayFrontendPort;
import com.azure.resourcemanager.network.models.ApplicationGatewayHttpListener;
import com.azure.resourcemanager.network.models.ApplicationGatewayRequestRoutingRuleType;
import com.azure.resourcemanager.network.models.ApplicationGatewaySslPolicy;
import com.azure.resourcemanager.network.models.ApplicationGatewaySslProfile;
import dev.cutover.azure.canonical.AppGateways;
import dev.cutover.azure.canonical.AzureLoadBalancers;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Application Gateways and Load Balancers through {@code azure-resourcemanager-network}: one
 * paginated list each ({@code ApplicationGateways_List[All]}, {@code LoadBalancers_List[All]});
 * listeners, rules, pools, settings and probes come inside each resource. Canonical rules: {@link
 * AppGateways}, {@link AzureLoadBalancers}.
 */
final class LiveLoadBalancers {

  static final String APP_GATEWAY_TYPE = "Microsoft.Network/applicationGateways";
  static final String LB_TYPE = "Microsoft.Network/loadBalancers";

  private final NetworkManagementClient client;
  private final ArmPages pages;

  LiveLoadBalancers(NetworkManagementClient client, ArmPages pages) {
    this.client = client;
    this.pages = pages;
  }

  void appGateways(Consumer<Resource> sink) {
    pages.inScope(
        "list application gateways",
        "Microsoft.Network/applicationGateways/read",
        client.getApplicationGateways()::list,
        client.getApplicationGateways()::listByResourceGroup,
        gateway ->
            sink.accept(
                AppGateways.toLoadBalancer(
                    ArmPages.meta(
                        gateway.id(),
                        gateway.name(),
                        APP_GATEWAY_TYPE,
                        gateway.location(),
                        gateway.tags()),
                    spec(gateway))));
  }

  void loadBalancers(Consumer<Resource> sink) {
    pages.inScope(
        "list load balancers",
        "Microsoft.Network/loadBalancers/read",
        client.getLoadBalancers()::list,
        client.getLoadBalancers()::listByResourceGroup,
        lb -> sink.accept(loadBalancer(lb)));
  }

  private static Resource loadBalancer(LoadBalancerInner lb) {
    List<AzureLoadBalancers.Rule> rules = new ArrayList<>();
    for (var rule : list(lb.loadBalancingRules())) {
      String pool = ref(rule.backendAddressPool());
      if (pool == null && rule.backendAddressPools() != null) {
        pool = rule.backendAddressPools().stream().map(ArmPages::ref).findFirst().orElse(null);
      }
      rules.add(
          new AzureLoadBalancers.Rule(
              text(rule.protocol()),
              rule.frontendPort(),
              rule.backendPort(),
              pool,
              ref(rule.probe()),
              rule.idleTimeoutInMinutes()));
    }
    List<AzureLoadBalancers.Probe> probes = new ArrayList<>();
    for (var probe : list(lb.probes())) {
      probes.add(
          new AzureLoadBalancers.Probe(
              probe.name(),
              text(probe.protocol()),
              probe.port(),
              probe.requestPath(),
              probe.intervalInSeconds(),
              probe.probeThreshold(),
              probe.numberOfProbes()));
    }
    boolean publicFrontend =
        list(lb.frontendIpConfigurations()).stream()
            .anyMatch(f -> f.publicIpAddress() != null || f.publicIpPrefix() != null);
    return AzureLoadBalancers.toLoadBalancer(
        ArmPages.meta(lb.id(), lb.name(), LB_TYPE, lb.location(), lb.tags()),
        publicFrontend,
        lb.sku() == null ? null : text(lb.sku().name()),
        rules,
        probes);
  }

  private static AppGateways.Spec spec(ApplicationGatewayInner gateway) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (ApplicationGatewayFrontendPort port : list(gateway.frontendPorts())) {
      ports.put(AppGateways.key(port.name()), port.port());
    }
    List<AppGateways.Listener> listeners = new ArrayList<>();
    for (ApplicationGatewayHttpListener l : list(gateway.httpListeners())) {
      List<String> hosts = new ArrayList<>();
      if (l.hostname() != null) {
        hosts.add(l.hostname());
      }
      list(l.hostNames()).stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
      listeners.add(
          new AppGateways.Listener(
              l.name(),
              text(l.protocol()),
              ports.get(AppGateways.key(ref(l.frontendPort()))),
              hosts,
              l.sslCertificate() != null,
              ref(l.sslProfile())));
    }
    List<AppGateways.Rule> rules = new ArrayList<>();
    for (var r : list(gateway.requestRoutingRules())) {
      rules.add(
          new AppGateways.Rule(
              r.name(),
              ApplicationGatewayRequestRoutingRuleType.PATH_BASED_ROUTING.equals(r.ruleType()),
              r.priority(),
              ref(r.httpListener()),
              ref(r.backendAddressPool()),
              ref(r.backendHttpSettings()),
              ref(r.redirectConfiguration()),
              ref(r.urlPathMap())));
    }
    List<AppGateways.PathMap> pathMaps = new ArrayList<>();
    for (var m : list(gateway.urlPathMaps())) {
      List<AppGateways.PathRule> pathRules = new ArrayList<>();
      for (var p : list(m.pathRules())) {
        pathRules.add(
            new AppGateways.PathRule(
                list(p.paths()),
                ref(p.backendAddressPool()),
                ref(p.backendHttpSettings()),
                ref(p.redirectConfiguration())));
      }
      pathMaps.add(
          new AppGateways.PathMap(
              m.name(),
              ref(m.defaultBackendAddressPool()),
              ref(m.defaultBackendHttpSettings()),
              ref(m.defaultRedirectConfiguration()),
              pathRules));
    }
    List<AppGateways.Pool> pools = new ArrayList<>();
    for (ApplicationGatewayBackendAddressPool p : list(gateway.backendAddressPools())) {
      pools.add(new AppGateways.Pool(p.name(), list(p.backendAddresses()).size()));
    }
    List<AppGateways.Settings> settings = new ArrayList<>();
    for (ApplicationGatewayBackendHttpSettings s : list(gateway.backendHttpSettingsCollection())) {
      settings.add(
          new AppGateways.Settings(
              s.name(), text(s.protocol()), s.port(), s.requestTimeout(), ref(s.probe())));
    }
    List<AppGateways.Probe> probes = new ArrayList<>();
    for (var p : list(gateway.probes())) {
      probes.add(
          new AppGateways.Probe(
              p.name(),
              text(p.protocol()),
              p.port(),
              p.path(),
              p.interval(),
              p.timeout(),
              p.unhealthyThreshold(),
              p.match() == null ? List.of() : list(p.match().statusCodes())));
    }
    Map<String, AppGateways.TlsPolicy> profiles = new LinkedHashMap<>();
    for (ApplicationGatewaySslProfile profile : list(gateway.sslProfiles())) {
      AppGateways.TlsPolicy policy = tlsPolicy(profile.sslPolicy());
      if (policy != null && profile.name() != null) {
        profiles.put(profile.name(), policy);
      }
    }
    var sku = gateway.sku();
    var waf = gateway.webApplicationFirewallConfiguration();
    return new AppGateways.Spec(
        list(gateway.frontendIpConfigurations()).stream()
            .anyMatch(f -> f.publicIpAddress() != null),
        listeners,
        rules,
        pathMaps,
        pools,
        settings,
        probes,
        tlsPolicy(gateway.sslPolicy()),
        profiles,
        sku == null ? null : text(sku.name()),
        sku == null ? null : sku.capacity(),
        gateway.autoscaleConfiguration() == null
            ? null
            : gateway.autoscaleConfiguration().minCapacity(),
        (waf != null && waf.enabled()) || gateway.firewallPolicy() != null);
  }

  private static AppGateways.TlsPolicy tlsPolicy(ApplicationGatewaySslPolicy policy) {
    if (policy == null) {
      return null;
    }
    return new AppGateways.TlsPolicy(
        text(policy.policyType()), text(policy.policyName()), text(policy.minProtocolVersion()));
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
  }
}
