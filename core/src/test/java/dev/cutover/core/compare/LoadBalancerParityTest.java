package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.LoadBalancer.Backend;
import dev.cutover.core.model.LoadBalancer.HealthProbe;
import dev.cutover.core.model.LoadBalancer.Listener;
import dev.cutover.core.model.LoadBalancer.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each load balancer rule, source → target and target → source. */
class LoadBalancerParityTest {

  private static final Listener HTTPS_12 =
      new Listener("HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06", true);
  private static final Listener HTTP = new Listener("HTTP", 80, null, null);
  private static final HealthProbe ALB_PROBE =
      new HealthProbe("HTTP", null, "/health", 30, 5, 5, 2, "200", "web-tg");
  private static final Route DEFAULT =
      new Route(443, null, List.of(), List.of(), "forward", "web-tg");
  private static final Route API =
      new Route(443, 10, List.of(), List.of("/api/*"), "forward", "api-tg");
  private static final List<Backend> ALB_BACKENDS =
      List.of(new Backend("web-tg", "HTTP", 8080, 2), new Backend("api-tg", "HTTP", 9090, 2));

  /** An ALB with the given parts (null = the typical one). */
  private static LoadBalancer alb(
      String scheme,
      List<Listener> listeners,
      List<HealthProbe> probes,
      List<Route> routes,
      Integer idle) {
    return new LoadBalancer(
        meta(AWS, "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1", "web"),
        scheme,
        7,
        listeners,
        probes,
        idle,
        routes,
        ALB_BACKENDS,
        true,
        "application",
        null,
        null);
  }

  private static LoadBalancer alb() {
    return alb("internet", List.of(HTTPS_12, HTTP), List.of(ALB_PROBE), List.of(DEFAULT, API), 60);
  }

  /** An Application Gateway equivalent to {@link #alb()}, with its own names. */
  private static LoadBalancer appGw(
      String scheme,
      List<Listener> listeners,
      List<HealthProbe> probes,
      List<Route> routes,
      Integer timeout,
      Integer layer) {
    return new LoadBalancer(
        meta(
            AZURE,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/web",
            "web"),
        scheme,
        layer,
        listeners,
        probes,
        timeout,
        routes,
        List.of(new Backend("pool-web", "Http", 8080, 2), new Backend("pool-api", "Http", 9090, 2)),
        null,
        "WAF_v2",
        2,
        true);
  }

  private static final Listener GW_HTTPS =
      new Listener("Https", 443, "AppGwSslPolicy20220101", true);
  private static final Listener GW_HTTP = new Listener("Http", 80, null, null);
  private static final HealthProbe GW_PROBE =
      new HealthProbe("Http", 8080, "/health", 30, 30, null, 3, "200-399", "pool-web");
  private static final Route GW_DEFAULT =
      new Route(443, 100, List.of(), List.of(), "forward", "pool-web");
  private static final Route GW_API =
      new Route(443, 100, List.of(), List.of("/api/*"), "forward", "pool-api");

  private static LoadBalancer appGw() {
    return appGw(
        "internet",
        List.of(GW_HTTPS, GW_HTTP),
        List.of(GW_PROBE),
        List.of(GW_DEFAULT, GW_API),
        60,
        7);
  }

  private static LoadBalancer gwListeners(Listener... listeners) {
    return appGw(
        "internet", List.of(listeners), List.of(GW_PROBE), List.of(GW_DEFAULT, GW_API), 60, 7);
  }

  private static LoadBalancer gwProbes(HealthProbe... probes) {
    return appGw(
        "internet",
        List.of(GW_HTTPS, GW_HTTP),
        List.of(probes),
        List.of(GW_DEFAULT, GW_API),
        60,
        7);
  }

  private static LoadBalancer gwRoutes(Route... routes) {
    return appGw("internet", List.of(GW_HTTPS, GW_HTTP), List.of(GW_PROBE), List.of(routes), 60, 7);
  }

  private static LoadBalancer gwTimeout(int seconds) {
    return appGw(
        "internet",
        List.of(GW_HTTPS, GW_HTTP),
        List.of(GW_PROBE),
        List.of(GW_DEFAULT, GW_API),
        seconds,
        7);
  }

  private static List<Finding> compare(LoadBalancer source, LoadBalancer target) {
    Findings out = new Findings();
    LoadBalancerParity.compare(source, target, out);
    return out.list();
  }

  @Test
  void parity_equivalentAlbAndApplicationGateway_isClean() {
    assertThat(compare(alb(), appGw())).isEmpty();
  }

  @Test
  void exposure_internalSourceInternetTarget_isHigh_andReverseToo() {
    LoadBalancer internal =
        alb("internal", List.of(HTTPS_12, HTTP), List.of(ALB_PROBE), List.of(DEFAULT, API), 60);

    assertThat(compare(internal, appGw()))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple("lb.exposure", Severity.HIGH, "target is internet-facing; source is internal"));
    assertThat(compare(appGw(), internal))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.exposure",
                Severity.HIGH,
                "target is internal; source is internet-facing: internet clients cannot reach it"));
  }

  @Test
  void type_layer7AgainstLayer4_isHighAndStops() {
    LoadBalancer azureLb =
        appGw(
            "internet",
            List.of(new Listener("Tcp", 443, null, null)),
            List.of(),
            List.of(),
            240,
            4);

    assertThat(compare(alb(), azureLb))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("lb.type", Severity.HIGH));
    assertThat(compare(azureLb, alb())).extracting(Finding::rule).containsExactly("lb.type");
  }

  @Test
  void listeners_missingInTargetHigh_extraInTargetMedium() {
    LoadBalancer httpsOnly = gwListeners(GW_HTTPS);

    assertThat(compare(alb(), httpsOnly))
        .extracting(Finding::severity, Finding::attribute, Finding::message)
        .containsExactly(
            tuple(
                Severity.HIGH,
                "listeners[80]",
                "target has no listener on port 80 (source: http)"));
    assertThat(compare(httpsOnly, alb()))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(Severity.MEDIUM, "target also listens on port 80 (http); source does not"));
  }

  @Test
  void listeners_sameportOtherProtocol_isHigh() {
    LoadBalancer plain = gwListeners(new Listener("Http", 443, null, null), GW_HTTP);

    assertThat(compare(alb(), plain))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(tuple(Severity.HIGH, "listener on port 443: source https, target http"));
  }

  @Test
  void tlsPolicy_weakerTargetMedium_strongerTargetLow() {
    LoadBalancer tls10 =
        gwListeners(new Listener("Https", 443, "AppGwSslPolicy20150501", true), GW_HTTP);

    assertThat(compare(alb(), tls10))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.tls-policy",
                Severity.MEDIUM,
                "target listener on port 443 accepts TLS 1.0 (AppGwSslPolicy20150501); source requires TLS 1.2 (ELBSecurityPolicy-TLS13-1-2-2021-06)"));
    assertThat(compare(tls10, alb()))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("lb.tls-policy", Severity.LOW));
  }

  @Test
  void tlsPolicy_unknownName_isNotComparableInfo() {
    LoadBalancer custom = gwListeners(new Listener("Https", 443, "MyCustomPolicy", true), GW_HTTP);

    assertThat(compare(alb(), custom))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(Severity.INFO, "not comparable: unknown TLS policy MyCustomPolicy on port 443"));
  }

  @Test
  void tlsPolicy_tableAndNameFallbacks() {
    assertThat(TlsPolicies.minimumVersion("ELBSecurityPolicy-2016-08")).contains("1.0");
    assertThat(TlsPolicies.minimumVersion("appgwsslpolicy20170401s")).contains("1.2");
    assertThat(TlsPolicies.minimumVersion("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04"))
        .contains("1.3");
    assertThat(TlsPolicies.minimumVersion("CustomV2:TLSv1_2")).contains("1.2");
    assertThat(TlsPolicies.minimumVersion("Whatever")).isEmpty();
  }

  @Test
  void certificate_targetHttpsWithoutCertificate_isHigh() {
    LoadBalancer noCert =
        gwListeners(new Listener("Https", 443, "AppGwSslPolicy20220101", false), GW_HTTP);

    assertThat(compare(alb(), noCert))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.certificate",
                Severity.HIGH,
                "target https listener on port 443 has no certificate"));
    assertThat(compare(noCert, alb())).isEmpty();
  }

  @Test
  void routes_pathRuleMissingInTargetHigh_extraInTargetMedium() {
    LoadBalancer defaultOnly = gwRoutes(GW_DEFAULT);

    assertThat(compare(alb(), defaultOnly))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.routes",
                Severity.HIGH,
                "target has no route for port 443 path /api/* (source forwards to http:9090)"));
    assertThat(compare(defaultOnly, alb()))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.routes",
                Severity.MEDIUM,
                "target has a route for port 443 path /api/* that the source does not (forwards to http:9090)"));
  }

  @Test
  void routes_sameMatchOtherBackendPort_isMedium() {
    Route apiToWeb = new Route(443, 100, List.of(), List.of("/api/*"), "forward", "pool-web");
    LoadBalancer wrong = gwRoutes(GW_DEFAULT, apiToWeb);

    assertThat(compare(alb(), wrong))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Severity.MEDIUM,
                "route port 443 path /api/*: source forwards to http:9090, target forwards to http:8080"));
  }

  @Test
  void healthProbe_pathDiffersMedium_intervalOutsideToleranceLow_insideTolerancenothing() {
    HealthProbe otherPath =
        new HealthProbe("Http", 8080, "/", 40, 30, null, 3, "200-399", "pool-web");
    HealthProbe slow =
        new HealthProbe("Http", 8080, "/health", 120, 30, null, 6, "200-399", "pool-web");

    assertThat(compare(alb(), gwProbes(otherPath)))
        .extracting(Finding::severity, Finding::attribute, Finding::message)
        .containsExactly(
            tuple(
                Severity.MEDIUM,
                "healthProbes[http /health].path",
                "health probe path: source /health, target /"));
    assertThat(compare(alb(), gwProbes(slow)))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(Severity.LOW, "health probe interval (s): source 30, target 120"),
            tuple(Severity.LOW, "health probe unhealthy threshold: source 2, target 6"));
  }

  @Test
  void healthProbe_noMatchingTargetProbe_isMedium() {
    HealthProbe tcp = new HealthProbe("Tcp", 8080, null, 30, 30, null, 3, null, null);
    HealthProbe https = new HealthProbe("Https", 443, "/ready", 30, 30, null, 3, null, null);

    assertThat(compare(alb(), gwProbes(tcp, https)))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(tuple(Severity.MEDIUM, "target has no http /health health probe"));
  }

  @Test
  void idleTimeout_shorterTargetMedium_longerTargetNothing() {
    LoadBalancer shortTimeout = gwTimeout(20);

    assertThat(compare(alb(), shortTimeout))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "lb.idle-timeout",
                Severity.MEDIUM,
                "target idle timeout 20 s is shorter than the source's 60 s"));
    assertThat(compare(shortTimeout, alb())).isEmpty();
  }

  @Test
  void waf_sourceFilteredTargetNot_isMedium() {
    LoadBalancer noWaf =
        new LoadBalancer(
            appGw().meta(),
            "internet",
            7,
            List.of(GW_HTTPS, GW_HTTP),
            List.of(GW_PROBE),
            60,
            List.of(GW_DEFAULT, GW_API),
            appGw().backends(),
            null,
            "Standard_v2",
            2,
            false);

    assertThat(compare(appGw(), noWaf))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("lb.waf", Severity.MEDIUM));
    assertThat(compare(noWaf, appGw())).isEmpty();
  }
}
