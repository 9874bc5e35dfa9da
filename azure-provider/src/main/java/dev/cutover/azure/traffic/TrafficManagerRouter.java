package dev.cutover.azure.traffic;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.trafficmanager.TrafficManager;
import com.azure.resourcemanager.trafficmanager.fluent.models.EndpointInner;
import com.azure.resourcemanager.trafficmanager.fluent.models.ProfileInner;
import com.azure.resourcemanager.trafficmanager.models.EndpointStatus;
import com.azure.resourcemanager.trafficmanager.models.EndpointTypes;
import com.azure.resourcemanager.trafficmanager.models.TrafficRoutingMethod;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cutover.azure.AzureClients;
import dev.cutover.azure.AzureErrors;
import dev.cutover.core.CutoverException;
import dev.cutover.core.json.Json;
import dev.cutover.core.traffic.Backoff;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.TrafficRouter;
import dev.cutover.core.traffic.WeightScale;
import dev.cutover.core.traffic.WeightSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Moves traffic between the endpoints of an Azure Traffic Manager profile with the Weighted routing
 * method (scheme {@code trafficmanager}, path {@code SUBSCRIPTION/RESOURCE_GROUP/PROFILE}, members
 * named by endpoint name).
 *
 * <p>Weight semantics (Traffic Manager documentation, <a
 * href="https://learn.microsoft.com/en-us/azure/traffic-manager/traffic-manager-routing-methods#weighted-traffic-routing-method">Weighted
 * traffic-routing method</a>; REST API, <a
 * href="https://learn.microsoft.com/en-us/rest/api/trafficmanager/endpoints/update">Endpoints -
 * Update</a>):
 *
 * <ul>
 *   <li>A weight is an integer 1–1000 (default 1); Traffic Manager picks an available endpoint at
 *       random with probability proportional to its weight. This router expresses 100 % as 1000
 *       units ({@link #SCALE}), so 5 % is 950/50.
 *   <li>There is no weight 0: a member at 0 % is written with {@code endpointStatus: Disabled} (a
 *       disabled endpoint is not returned in DNS answers; <a
 *       href="https://learn.microsoft.com/en-us/azure/traffic-manager/traffic-manager-manage-endpoints">Add,
 *       disable, enable or delete endpoints</a>). If every endpoint is disabled Traffic Manager
 *       answers NXDOMAIN (<a
 *       href="https://learn.microsoft.com/en-us/azure/traffic-manager/traffic-manager-monitoring">Endpoint
 *       monitoring</a>, endpoint and profile status), so a set with every member disabled is
 *       refused before any call.
 *   <li>The TTL is the profile's {@code dnsConfig.ttl} (seconds).
 *   <li>Endpoint types are addressed by their ARM type path: {@code ExternalEndpoints}, {@code
 *       AzureEndpoints}, {@code NestedEndpoints}, from the endpoint's {@code type}.
 * </ul>
 *
 * <p>A write is one PATCH per changed endpoint ({@code {"properties": {"weight": N,
 * "endpointStatus": "Enabled|Disabled"}}}), enabling endpoints first and disabling last so that no
 * intermediate state disables every endpoint. If a PATCH fails after the pipeline's retries
 * (azure-core {@code RetryPolicy}: 429 honouring {@code Retry-After}, 5xx, I/O errors), the
 * endpoints already patched in that call are patched back to their previous weight and status
 * before the error is thrown, so that one call never leaves a half-applied change.
 */
public final class TrafficManagerRouter implements TrafficRouter {

  /** The record scheme this router serves. */
  public static final String SCHEME = "trafficmanager";

  /** Traffic Manager weights: 1–1000, 1000 units for 100 %, 0 % is {@code Disabled}. */
  public static final WeightScale SCALE =
      new WeightScale(
          1000,
          1,
          1000,
          true,
          "https://learn.microsoft.com/en-us/azure/traffic-manager/traffic-manager-routing-methods#weighted-traffic-routing-method");

  /** TTL above which {@link #preflight} warns. */
  static final long TTL_WARNING_SECONDS = 60;

  static final String READ = "Microsoft.Network/trafficManagerProfiles/read";

  /**
   * Polling of {@link #awaitLive}.
   *
   * @param pollInitial the first interval between profile reads (doubled each read)
   * @param pollMax the longest interval
   */
  public record Settings(Duration pollInitial, Duration pollMax) {

    /** Every 1 s, up to 5 s. */
    public static final Settings DEFAULTS =
        new Settings(Duration.ofSeconds(1), Duration.ofSeconds(5));

    public Settings {
      Objects.requireNonNull(pollInitial, "pollInitial");
      Objects.requireNonNull(pollMax, "pollMax");
    }
  }

  /** One endpoint's weight and status, as written by a call and listed in its receipt. */
  record EndpointState(String name, long weight, String endpointStatus) {
    boolean enabled() {
      return EndpointStatus.ENABLED.toString().equalsIgnoreCase(endpointStatus);
    }
  }

  /** An endpoint as read: its ARM type path and current state. */
  private record Endpoint(EndpointTypes type, EndpointState state, String monitorStatus) {}

  /** A change of one endpoint from {@code before} to {@code after}. */
  private record Patch(EndpointTypes type, EndpointState before, EndpointState after) {

    /** Enabling first, then weight changes, disabling last. */
    int order() {
      if (!before.enabled() && after.enabled()) {
        return 0;
      }
      return after.enabled() ? 1 : 2;
    }
  }

  private final AzureClients clients;
  private final Settings settings;
  private final Clock clock;
  private final ConcurrentMap<String, TrafficManager> managers = new ConcurrentHashMap<>();

  /** A router with {@link Settings#DEFAULTS} over the clients' pipeline. */
  public TrafficManagerRouter(AzureClients clients) {
    this(clients, Settings.DEFAULTS, Clock.systemUTC());
  }

  /** A router with its own polling settings (tests). */
  public TrafficManagerRouter(AzureClients clients, Settings settings) {
    this(clients, settings, Clock.systemUTC());
  }

  TrafficManagerRouter(AzureClients clients, Settings settings, Clock clock) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public WeightScale scale() {
    return SCALE;
  }

  /**
   * Reads the profile: each endpoint's {@code weight} (1 when absent, the service default) and
   * {@code endpointStatus}, and {@code dnsConfig.ttl}.
   *
   * @throws CutoverException if the profile does not exist, its routing method is not Weighted, or
   *     the call fails
   */
  @Override
  public WeightSnapshot read(RecordRef record) {
    TrafficManagerPath path = TrafficManagerPath.parse(record.path());
    return snapshot(readProfile(path));
  }

  /**
   * The PATCH requests {@link #write} would send, in its order, each as {@code PATCH
   * /subscriptions/…/trafficmanagerprofiles/P/ExternalEndpoints/E?api-version=…} and its JSON body,
   * built by the SDK without sending them; an empty list if nothing has to change. Reads the
   * profile once.
   */
  @Override
  public List<String> describeWrite(RecordRef record, WeightSnapshot target) {
    TrafficManagerPath path = TrafficManagerPath.parse(record.path());
    refuseInvalid(path, target);
    List<Patch> patches = patches(path, target, readProfile(path));
    CapturingHttpClient capture = new CapturingHttpClient();
    TrafficManager dryRun =
        TrafficManager.authenticate(
            new HttpPipelineBuilder().httpClient(capture).build(), profileOf(path));
    for (Patch patch : patches) {
      dryRun
          .serviceClient()
          .getEndpoints()
          .update(
              path.resourceGroup(),
              path.profile(),
              patch.type(),
              patch.after().name(),
              body(patch.after()));
    }
    return capture.captured();
  }

  /**
   * PATCHes each endpoint whose weight or status differs from {@code target}, enabling first and
   * disabling last; endpoints {@code target} does not name keep theirs. On a failed PATCH the ones
   * already applied are patched back before the error is thrown.
   *
   * @return a receipt without change id, status {@code Succeeded}, and as detail the JSON list of
   *     the endpoints written ({@code [{"name":…,"weight":…,"endpointStatus":…}]}) that {@link
   *     #awaitLive} waits for
   * @throws CutoverException if every member would be disabled or a weight leaves 1–1000 (before
   *     any call), an endpoint is unknown, or ARM refuses a PATCH
   */
  @Override
  public ChangeReceipt write(RecordRef record, WeightSnapshot target) {
    TrafficManagerPath path = TrafficManagerPath.parse(record.path());
    refuseInvalid(path, target);
    List<Patch> patches = patches(path, target, readProfile(path));
    List<Patch> applied = new ArrayList<>();
    for (Patch patch : patches) {
      try {
        patch(path, patch.type(), patch.after());
      } catch (CutoverException e) {
        throw undo(path, patch, applied, e);
      }
      applied.add(patch);
    }
    return new ChangeReceipt(
        null, "Succeeded", clock.instant(), detail(patches.stream().map(Patch::after).toList()));
  }

  /**
   * Reads the profile back (backoff from {@link Settings#pollInitial} to {@link Settings#pollMax})
   * until every endpoint listed in the receipt shows the written weight and status, and returns
   * that read. A receipt that lists none is read back once.
   *
   * @throws CutoverException with {@code retryable()} if {@code timeout} passes first
   */
  @Override
  public WeightSnapshot awaitLive(RecordRef record, ChangeReceipt receipt, Duration timeout) {
    TrafficManagerPath path = TrafficManagerPath.parse(record.path());
    List<EndpointState> written = parseDetail(receipt.detail());
    Backoff backoff = Backoff.until(timeout, settings.pollInitial(), settings.pollMax(), clock);
    while (true) {
      ProfileInner profile = readProfile(path);
      Map<String, Endpoint> endpoints = endpoints(path, profile);
      List<String> behind =
          written.stream()
              .filter(w -> !Objects.equals(state(endpoints.get(w.name())), w))
              .map(EndpointState::name)
              .toList();
      if (behind.isEmpty()) {
        return snapshot(profile);
      }
      if (!backoff.pause()) {
        throw new CutoverException(
            "trafficmanager:"
                + path
                + ": endpoints "
                + String.join(", ", behind)
                + " do not show the written weights after "
                + timeout.toSeconds()
                + " s",
            "read again with 'cutover switch status'",
            true,
            null);
      }
    }
  }

  /**
   * Checks that the profile exists, routes by weight and has both endpoints.
   *
   * @return warnings for a TTL above 60 s and for an enabled blue or green endpoint whose {@code
   *     endpointMonitorStatus} is neither {@code Online} nor {@code CheckingEndpoint}
   * @throws CutoverException if the profile or an endpoint does not exist, or the routing method is
   *     not Weighted
   */
  @Override
  public List<String> preflight(RecordRef record) {
    TrafficManagerPath path = TrafficManagerPath.parse(record.path());
    ProfileInner profile = readProfile(path);
    Map<String, Endpoint> endpoints = endpoints(path, profile);
    List<String> warnings = new ArrayList<>();
    long ttl = ttl(profile);
    if (ttl > TTL_WARNING_SECONDS) {
      warnings.add(
          String.format(
              "trafficmanager:%s: dnsConfig.ttl %d s is above %d s: resolvers keep the old answer"
                  + " that long after each step and after a rollback",
              path, ttl, TTL_WARNING_SECONDS));
    }
    for (String member : List.of(record.blue(), record.green())) {
      Endpoint endpoint = endpoints.get(member);
      if (endpoint == null) {
        throw unknownEndpoint(path, member, endpoints);
      }
      String status = endpoint.monitorStatus();
      if (status != null
          && endpoint.state().enabled()
          && !status.equalsIgnoreCase("Online")
          && !status.equalsIgnoreCase("CheckingEndpoint")) {
        warnings.add(
            String.format(
                "trafficmanager:%s: endpoint '%s' has endpointMonitorStatus %s",
                path, member, status));
      }
    }
    return List.copyOf(warnings);
  }

  private ProfileInner readProfile(TrafficManagerPath path) {
    ProfileInner profile =
        call(
            READ,
            path,
            () ->
                manager(path)
                    .serviceClient()
                    .getProfiles()
                    .getByResourceGroup(path.resourceGroup(), path.profile()));
    if (!TrafficRoutingMethod.WEIGHTED.equals(profile.trafficRoutingMethod())) {
      throw new CutoverException(
          "trafficmanager:"
              + path
              + ": trafficRoutingMethod is "
              + profile.trafficRoutingMethod()
              + ", not Weighted",
          "a switch needs a profile with the Weighted routing method",
          false,
          null);
    }
    return profile;
  }

  private static WeightSnapshot snapshot(ProfileInner profile) {
    List<MemberWeight> members =
        profile.endpoints() == null
            ? List.of()
            : profile.endpoints().stream()
                .map(TrafficManagerRouter::state)
                .map(s -> new MemberWeight(s.name(), (int) s.weight(), s.enabled()))
                .toList();
    return new WeightSnapshot(members, ttl(profile));
  }

  private static long ttl(ProfileInner profile) {
    return profile.dnsConfig() == null || profile.dnsConfig().ttl() == null
        ? 0
        : profile.dnsConfig().ttl();
  }

  private static EndpointState state(Endpoint endpoint) {
    return endpoint == null ? null : endpoint.state();
  }

  private static EndpointState state(EndpointInner endpoint) {
    return new EndpointState(
        endpoint.name(),
        endpoint.weight() == null ? 1 : endpoint.weight(),
        endpoint.endpointStatus() == null
            ? EndpointStatus.ENABLED.toString()
            : endpoint.endpointStatus().toString());
  }

  private static Map<String, Endpoint> endpoints(TrafficManagerPath path, ProfileInner profile) {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    if (profile.endpoints() != null) {
      for (EndpointInner endpoint : profile.endpoints()) {
        endpoints.put(
            endpoint.name(),
            new Endpoint(
                type(path, endpoint),
                state(endpoint),
                endpoint.endpointMonitorStatus() == null
                    ? null
                    : endpoint.endpointMonitorStatus().toString()));
      }
    }
    return endpoints;
  }

  /**
   * The ARM type path of an endpoint from its {@code type}, e.g. {@code
   * Microsoft.Network/trafficManagerProfiles/externalEndpoints} is {@code ExternalEndpoints}.
   */
  static EndpointTypes type(TrafficManagerPath path, EndpointInner endpoint) {
    String type = endpoint.type() == null ? "" : endpoint.type();
    String last = type.substring(type.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (EndpointTypes known : EndpointTypes.values()) {
      if (known.toString().equalsIgnoreCase(last)) {
        return known;
      }
    }
    throw new CutoverException(
        "trafficmanager:"
            + path
            + ": endpoint '"
            + endpoint.name()
            + "' has type '"
            + type
            + "', expected …/externalEndpoints, …/azureEndpoints or …/nestedEndpoints",
        null,
        false,
        null);
  }

  /** Refuses, before any call, weights outside 1–1000 and a set with every member disabled. */
  private static void refuseInvalid(TrafficManagerPath path, WeightSnapshot target) {
    for (MemberWeight member : target.members()) {
      if (member.weight() < SCALE.min() || member.weight() > SCALE.max()) {
        throw new CutoverException(
            "trafficmanager:"
                + path
                + ": weight "
                + member.weight()
                + " of '"
                + member.id()
                + "' is outside 1-1000 (0 % is endpointStatus Disabled)",
            null,
            false,
            null);
      }
    }
    if (!target.members().isEmpty() && target.totalEffectiveWeight() == 0) {
      throw allDisabled(path);
    }
  }

  private static CutoverException allDisabled(TrafficManagerPath path) {
    return new CutoverException(
        "trafficmanager:"
            + path
            + ": refusing to disable every endpoint: Traffic Manager then answers NXDOMAIN"
            + " (Endpoint monitoring, endpoint and profile status)",
        "keep at least one member above 0 %",
        false,
        null);
  }

  private static List<Patch> patches(
      TrafficManagerPath path, WeightSnapshot target, ProfileInner profile) {
    Map<String, Endpoint> endpoints = endpoints(path, profile);
    List<Patch> patches = new ArrayList<>();
    for (MemberWeight member : target.members()) {
      Endpoint endpoint = endpoints.get(member.id());
      if (endpoint == null) {
        throw unknownEndpoint(path, member.id(), endpoints);
      }
      EndpointState after =
          new EndpointState(
              member.id(),
              member.weight(),
              (member.enabled() ? EndpointStatus.ENABLED : EndpointStatus.DISABLED).toString());
      if (!after.equals(endpoint.state())) {
        patches.add(new Patch(endpoint.type(), endpoint.state(), after));
      }
    }
    boolean anyEnabled =
        endpoints.values().stream()
            .anyMatch(
                e ->
                    target
                        .member(e.state().name())
                        .map(MemberWeight::enabled)
                        .orElse(e.state().enabled()));
    if (!anyEnabled) {
      throw allDisabled(path);
    }
    patches.sort(Comparator.comparingInt(Patch::order));
    return patches;
  }

  private static CutoverException unknownEndpoint(
      TrafficManagerPath path, String member, Map<String, Endpoint> endpoints) {
    return new CutoverException(
        "trafficmanager:"
            + path
            + ": no endpoint named '"
            + member
            + "' (endpoints: "
            + String.join(", ", endpoints.keySet())
            + ")",
        "name --blue/--green by the profile's endpoint names",
        false,
        null);
  }

  private void patch(TrafficManagerPath path, EndpointTypes type, EndpointState state) {
    call(
        "Microsoft.Network/trafficManagerProfiles/" + type + "/write",
        path,
        () ->
            manager(path)
                .serviceClient()
                .getEndpoints()
                .update(path.resourceGroup(), path.profile(), type, state.name(), body(state)));
  }

  private static EndpointInner body(EndpointState state) {
    return new EndpointInner()
        .withWeight(state.weight())
        .withEndpointStatus(EndpointStatus.fromString(state.endpointStatus()));
  }

  /**
   * Patches back, newest first, the endpoints a failed call had already changed, and returns the
   * error to throw: the failure, plus what could not be restored.
   */
  private CutoverException undo(
      TrafficManagerPath path, Patch failed, List<Patch> applied, CutoverException cause) {
    List<String> notRestored = new ArrayList<>();
    for (int i = applied.size() - 1; i >= 0; i--) {
      Patch patch = applied.get(i);
      try {
        patch(path, patch.type(), patch.before());
      } catch (CutoverException e) {
        notRestored.add(
            patch.after().name()
                + " is at "
                + patch.after().weight()
                + " "
                + patch.after().endpointStatus());
      }
    }
    String outcome =
        applied.isEmpty()
            ? "no endpoint was changed"
            : notRestored.isEmpty()
                ? "restored "
                    + applied.stream()
                        .map(p -> "'" + p.before().name() + "'")
                        .collect(Collectors.joining(", "))
                    + " to the previous weight: no endpoint was changed"
                : "restoring failed too: " + String.join(", ", notRestored);
    return new CutoverException(
        cause.getMessage() + " (endpoint '" + failed.after().name() + "'); " + outcome,
        notRestored.isEmpty()
            ? cause.suggestion()
            : "run 'cutover switch status' and then 'cutover switch reconcile'",
        cause.retryable() || !notRestored.isEmpty(),
        cause);
  }

  static String detail(List<EndpointState> written) {
    try {
      return Json.mapper().writeValueAsString(written);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write receipt detail: " + e.getMessage(), e);
    }
  }

  /** The endpoints a receipt lists; none for a detail that is not such a list. */
  static List<EndpointState> parseDetail(String detail) {
    if (detail == null || !detail.startsWith("[")) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(detail, new TypeReference<List<EndpointState>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private <T> T call(String action, TrafficManagerPath path, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw AzureErrors.translate(e, action, "trafficmanager " + path);
    }
  }

  private TrafficManager manager(TrafficManagerPath path) {
    return managers.computeIfAbsent(
        path.subscription().toLowerCase(Locale.ROOT),
        key -> TrafficManager.authenticate(clients.pipeline(), profileOf(path)));
  }

  private AzureProfile profileOf(TrafficManagerPath path) {
    return new AzureProfile(
        clients.profile().getTenantId(), path.subscription(), clients.profile().getEnvironment());
  }
}
