package dev.cutover.aws.traffic;

import dev.cutover.aws.AwsClients;
import dev.cutover.aws.AwsErrors;
import dev.cutover.core.CutoverException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Moves traffic between the members of a Route 53 weighted record set (scheme {@code route53}, path
 * {@code ZONE_ID/NAME/TYPE}, members named by their {@code SetIdentifier}).
 *
 * <p>Weight semantics (Route 53 API Reference, <a
 * href="https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html">ResourceRecordSet</a>
 * {@code Weight}; Developer Guide, <a
 * href="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html">Weighted
 * routing</a>):
 *
 * <ul>
 *   <li>A weight is an integer 0–255; a member gets {@code weight / sum of weights} of the answers.
 *       This router expresses 100 % as 100 units ({@link #SCALE}), so 5 % is 95/5.
 *   <li>Weight 0 means the member is never answered, except that when every member has weight 0
 *       Route 53 answers all of them with equal probability: an all-zero set is therefore refused
 *       before any call. With health checks, zero-weight members are answered when every non-zero
 *       member is unhealthy.
 *   <li>A change is a {@code ChangeResourceRecordSets} batch, applied atomically; {@code GetChange}
 *       reports {@code PENDING} until it has propagated to every Route 53 DNS server, then {@code
 *       INSYNC} (API Reference, <a
 *       href="https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetChange.html">GetChange</a>).
 *   <li>An {@code UPSERT} replaces the whole record set, so each change restates the record as read
 *       (TTL, {@code ResourceRecords} or {@code AliasTarget}, {@code HealthCheckId}, …) with only
 *       the {@code Weight} changed.
 * </ul>
 *
 * <p>Changes to one hosted zone are serialised within the process (a lock per zone id), and every
 * call retries {@code Throttling}, {@code PriorRequestNotComplete}, 5xx and transient network
 * errors with the SDK's standard retry strategy, logging each attempt (Route 53 allows five
 * requests per second per account: Developer Guide, "Quotas", API requests).
 */
public final class Route53Router implements TrafficRouter {

  /** The record scheme this router serves. */
  public static final String SCHEME = "route53";

  /** Route 53 weights: 0–255, 100 units for 100 %, 0 is a weight (not a disabled member). */
  public static final WeightScale SCALE =
      new WeightScale(
          100,
          0,
          255,
          false,
          "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html");

  /**
   * TTL assumed for an alias member, which has none of its own: Route 53 answers with the TTL of
   * the alias target, 60 s for an Elastic Load Balancing load balancer (Developer Guide, "Values
   * for alias records", TTL).
   */
  static final long ALIAS_TTL_SECONDS = 60;

  /** TTL above which {@link #preflight} warns: each step and a rollback wait this long. */
  static final long TTL_WARNING_SECONDS = 60;

  static final String LIST = "route53:ListResourceRecordSets";
  static final String CHANGE = "route53:ChangeResourceRecordSets";
  static final String GET_CHANGE = "route53:GetChange";
  static final String GET_ZONE = "route53:GetHostedZone";

  private static final ConcurrentMap<String, ReentrantLock> ZONE_LOCKS = new ConcurrentHashMap<>();

  private static final String DRY_RUN_ANSWER =
      "<ChangeResourceRecordSetsResponse"
          + " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeInfo>"
          + "<Id>/change/DRYRUN</Id><Status>PENDING</Status>"
          + "<SubmittedAt>1970-01-01T00:00:00Z</SubmittedAt></ChangeInfo>"
          + "</ChangeResourceRecordSetsResponse>";

  /**
   * Retry and polling settings.
   *
   * @param maxAttempts attempts per call, the first included (SDK standard retry strategy)
   * @param attemptTimeout the longest one HTTP attempt may take
   * @param backoffBase the first retry delay (exponential, jittered)
   * @param backoffMax the longest retry delay
   * @param pollInitial the first {@code GetChange} poll interval (doubled each poll)
   * @param pollMax the longest {@code GetChange} poll interval
   */
  public record Settings(
      int maxAttempts,
      Duration attemptTimeout,
      Duration backoffBase,
      Duration backoffMax,
      Duration pollInitial,
      Duration pollMax) {

    /** 5 attempts, 10 s per attempt, 0.5–20 s backoff, polling every 2 s up to 15 s. */
    public static final Settings DEFAULTS =
        new Settings(
            5,
            Duration.ofSeconds(10),
            Duration.ofMillis(500),
            Duration.ofSeconds(20),
            Duration.ofSeconds(2),
            Duration.ofSeconds(15));

    public Settings {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
      Objects.requireNonNull(backoffBase, "backoffBase");
      Objects.requireNonNull(backoffMax, "backoffMax");
      Objects.requireNonNull(pollInitial, "pollInitial");
      Objects.requireNonNull(pollMax, "pollMax");
    }

    /** The longest a call may take with all its attempts and backoffs. */
    Duration callTimeout() {
      return attemptTimeout
          .multipliedBy(maxAttempts)
          .plus(backoffMax.multipliedBy(maxAttempts - 1));
    }
  }

  private final AwsClients clients;
  private final Settings settings;
  private final Clock clock;

  /** A router with {@link Settings#DEFAULTS} over the clients' Route 53 client. */
  public Route53Router(AwsClients clients) {
    this(clients, Settings.DEFAULTS, Clock.systemUTC());
  }

  /** A router with its own retry and polling settings (tests, slow networks). */
  public Route53Router(AwsClients clients, Settings settings) {
    this(clients, settings, Clock.systemUTC());
  }

  Route53Router(AwsClients clients, Settings settings, Clock clock) {
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
   * Reads the weighted set with {@code ListResourceRecordSets} from NAME/TYPE, following pages only
   * while they hold the same name and type. The TTL is the largest member TTL ({@link
   * #ALIAS_TTL_SECONDS} for an alias member).
   *
   * @throws CutoverException if the record set does not exist or is not weighted, or the call fails
   */
  @Override
  public WeightSnapshot read(RecordRef record) {
    return snapshot(readSets(Route53RecordPath.parse(record.path())));
  }

  /**
   * The one {@code ChangeResourceRecordSets} request {@link #write} would send, as {@code POST
   * /2013-04-01/hostedzone/ZONE/rrset/} and its XML body, marshalled by the SDK without sending it;
   * an empty list if the weights are already as asked. Reads the record set once (to restate it).
   */
  @Override
  public List<String> describeWrite(RecordRef record, WeightSnapshot target) {
    Route53RecordPath path = Route53RecordPath.parse(record.path());
    refuseInvalid(path, target);
    List<Change> changes = changes(path, target, readSets(path));
    if (changes.isEmpty()) {
      return List.of();
    }
    CapturingHttpClient capture = new CapturingHttpClient(DRY_RUN_ANSWER);
    try (Route53Client dryRun = dryRunClient(capture)) {
      dryRun.changeResourceRecordSets(request(path, changes).build());
    }
    return capture.captured();
  }

  /**
   * Writes every changed weight of {@code target} as UPSERTs in one {@code
   * ChangeResourceRecordSets} batch, holding the zone's lock from the read to the write. Members of
   * the set that {@code target} does not name keep their weight.
   *
   * @return the change ({@code ChangeInfo.Id} without {@code /change/}, {@code PENDING}); a receipt
   *     without change id and status {@code INSYNC} if nothing had to change
   * @throws CutoverException if the weights would all be zero or leave 0–255 (before any call), a
   *     member is unknown, or Route 53 refuses the batch
   */
  @Override
  public ChangeReceipt write(RecordRef record, WeightSnapshot target) {
    Route53RecordPath path = Route53RecordPath.parse(record.path());
    refuseInvalid(path, target);
    ReentrantLock lock = ZONE_LOCKS.computeIfAbsent(path.zoneId(), zone -> new ReentrantLock());
    lock.lock();
    try {
      List<Change> changes = changes(path, target, readSets(path));
      String detail = detail(changes);
      if (changes.isEmpty()) {
        return new ChangeReceipt(null, ChangeStatus.INSYNC.toString(), clock.instant(), detail);
      }
      ChangeInfo info =
          call(
                  CHANGE,
                  path,
                  () ->
                      clients
                          .route53()
                          .changeResourceRecordSets(
                              request(path, changes)
                                  .overrideConfiguration(retries(CHANGE, path))
                                  .build()))
              .changeInfo();
      return new ChangeReceipt(
          Route53RecordPath.stripIdPrefix(info.id()),
          info.statusAsString(),
          info.submittedAt() == null ? clock.instant() : info.submittedAt(),
          detail);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Polls {@code GetChange} (backoff from {@link Settings#pollInitial} to {@link Settings#pollMax})
   * until the change is {@code INSYNC}, then reads the set back. A receipt without change id
   * (nothing was changed) is read back at once.
   *
   * @throws CutoverException with {@code retryable()} if the change is still {@code PENDING} when
   *     {@code timeout} passes
   */
  @Override
  public WeightSnapshot awaitLive(RecordRef record, ChangeReceipt receipt, Duration timeout) {
    Route53RecordPath path = Route53RecordPath.parse(record.path());
    if (receipt.changeId() != null) {
      awaitInsync(path, Route53RecordPath.stripIdPrefix(receipt.changeId()), timeout);
    }
    return read(record);
  }

  /**
   * Checks that the hosted zone and both members exist.
   *
   * @return warnings for members whose TTL is above 60 s (clients keep old answers that long after
   *     each step and after a rollback) and members without a health check (Route 53 keeps
   *     answering with them when they are down)
   * @throws CutoverException if the zone, the record set or a member does not exist
   */
  @Override
  public List<String> preflight(RecordRef record) {
    Route53RecordPath path = Route53RecordPath.parse(record.path());
    call(
        GET_ZONE,
        path,
        () ->
            clients
                .route53()
                .getHostedZone(
                    b -> b.id(path.zoneId()).overrideConfiguration(retries(GET_ZONE, path))));
    List<ResourceRecordSet> sets = readSets(path);
    Map<String, ResourceRecordSet> byId = bySetIdentifier(sets);
    for (String member : List.of(record.blue(), record.green())) {
      if (!byId.containsKey(member)) {
        throw unknownMember(path, member, byId);
      }
    }
    List<String> warnings = new ArrayList<>();
    for (ResourceRecordSet set : sets) {
      long ttl = ttl(set);
      if (ttl > TTL_WARNING_SECONDS) {
        warnings.add(
            String.format(
                "route53:%s: member '%s' has TTL %d s, above %d s: resolvers keep the old answer"
                    + " that long after each step and after a rollback",
                path, set.setIdentifier(), ttl, TTL_WARNING_SECONDS));
      }
      if (set.healthCheckId() == null) {
        warnings.add(
            String.format(
                "route53:%s: member '%s' has no HealthCheckId: Route 53 keeps answering with it"
                    + " while it is down",
                path, set.setIdentifier()));
      }
    }
    return List.copyOf(warnings);
  }

  private List<ResourceRecordSet> readSets(Route53RecordPath path) {
    List<ResourceRecordSet> sets = new ArrayList<>();
    ListResourceRecordSetsRequest request =
        ListResourceRecordSetsRequest.builder()
            .hostedZoneId(path.zoneId())
            .startRecordName(path.name())
            .startRecordType(path.type())
            .overrideConfiguration(retries(LIST, path))
            .build();
    while (true) {
      ListResourceRecordSetsRequest page = request;
      ListResourceRecordSetsResponse response =
          call(LIST, path, () -> clients.route53().listResourceRecordSets(page));
      for (ResourceRecordSet set : response.resourceRecordSets()) {
        if (!path.matches(set.name(), set.typeAsString())) {
          return checkWeighted(path, sets);
        }
        sets.add(set);
      }
      if (!Boolean.TRUE.equals(response.isTruncated())
          || !path.matches(response.nextRecordName(), response.nextRecordTypeAsString())) {
        return checkWeighted(path, sets);
      }
      request =
          request.toBuilder()
              .startRecordName(response.nextRecordName())
              .startRecordType(response.nextRecordTypeAsString())
              .startRecordIdentifier(response.nextRecordIdentifier())
              .build();
    }
  }

  private static List<ResourceRecordSet> checkWeighted(
      Route53RecordPath path, List<ResourceRecordSet> sets) {
    if (sets.isEmpty()) {
      throw new CutoverException(
          "route53:"
              + path
              + ": no record set "
              + path.name()
              + " "
              + path.type()
              + " in zone "
              + path.zoneId(),
          "check the name and type (aws route53 list-resource-record-sets --hosted-zone-id "
              + path.zoneId()
              + ")",
          false,
          null);
    }
    for (ResourceRecordSet set : sets) {
      if (set.setIdentifier() == null || set.weight() == null) {
        throw new CutoverException(
            "route53:"
                + path
                + ": record set "
                + (set.setIdentifier() == null ? "" : "'" + set.setIdentifier() + "' ")
                + "is not weighted (no SetIdentifier and Weight)",
            "a switch needs weighted records: one per side, same name and type, each with"
                + " SetIdentifier and Weight",
            false,
            null);
      }
    }
    return sets;
  }

  private static WeightSnapshot snapshot(List<ResourceRecordSet> sets) {
    List<MemberWeight> members =
        sets.stream()
            .map(set -> new MemberWeight(set.setIdentifier(), set.weight().intValue(), true))
            .toList();
    long ttl = sets.stream().mapToLong(Route53Router::ttl).max().orElse(0);
    return new WeightSnapshot(members, ttl);
  }

  private static long ttl(ResourceRecordSet set) {
    return set.ttl() == null ? ALIAS_TTL_SECONDS : set.ttl();
  }

  /** Refuses, before any call, weights outside 0–255 and a set whose weights are all zero. */
  private static void refuseInvalid(Route53RecordPath path, WeightSnapshot target) {
    for (MemberWeight member : target.members()) {
      if (member.effectiveWeight() < SCALE.min() || member.effectiveWeight() > SCALE.max()) {
        throw new CutoverException(
            "route53:"
                + path
                + ": weight "
                + member.effectiveWeight()
                + " of '"
                + member.id()
                + "' is outside 0-255",
            null,
            false,
            null);
      }
    }
    if (!target.members().isEmpty() && target.totalEffectiveWeight() == 0) {
      throw allZero(path);
    }
  }

  private static CutoverException allZero(Route53RecordPath path) {
    return new CutoverException(
        "route53:"
            + path
            + ": refusing to set every weight to 0: Route 53 then answers all members with equal"
            + " probability (API Reference, ResourceRecordSet Weight)",
        "give at least one member a weight above 0",
        false,
        null);
  }

  private List<Change> changes(
      Route53RecordPath path, WeightSnapshot target, List<ResourceRecordSet> current) {
    Map<String, ResourceRecordSet> byId = bySetIdentifier(current);
    List<Change> changes = new ArrayList<>();
    for (MemberWeight member : target.members()) {
      ResourceRecordSet set = byId.get(member.id());
      if (set == null) {
        throw unknownMember(path, member.id(), byId);
      }
      long weight = member.effectiveWeight();
      if (set.weight() != weight) {
        changes.add(
            Change.builder()
                .action(ChangeAction.UPSERT)
                .resourceRecordSet(set.toBuilder().weight(weight).build())
                .build());
      }
    }
    long total =
        current.stream()
            .mapToLong(
                set ->
                    target
                        .member(set.setIdentifier())
                        .map(m -> (long) m.effectiveWeight())
                        .orElse(set.weight()))
            .sum();
    if (total == 0) {
      throw allZero(path);
    }
    return changes;
  }

  private static Map<String, ResourceRecordSet> bySetIdentifier(List<ResourceRecordSet> sets) {
    Map<String, ResourceRecordSet> byId = new LinkedHashMap<>();
    sets.forEach(set -> byId.put(set.setIdentifier(), set));
    return byId;
  }

  private static CutoverException unknownMember(
      Route53RecordPath path, String member, Map<String, ResourceRecordSet> byId) {
    return new CutoverException(
        "route53:"
            + path
            + ": no member with SetIdentifier '"
            + member
            + "' (members: "
            + String.join(", ", byId.keySet())
            + ")",
        "name --blue/--green by the records' SetIdentifier",
        false,
        null);
  }

  private static ChangeResourceRecordSetsRequest.Builder request(
      Route53RecordPath path, List<Change> changes) {
    return ChangeResourceRecordSetsRequest.builder()
        .hostedZoneId(path.zoneId())
        .changeBatch(b -> b.comment(comment(changes)).changes(changes));
  }

  /** The batch comment, at most 256 characters (API Reference, ChangeBatch Comment). */
  private static String comment(List<Change> changes) {
    String comment = "cutover: " + detail(changes);
    return comment.length() <= 256 ? comment : comment.substring(0, 256);
  }

  private static String detail(List<Change> changes) {
    if (changes.isEmpty()) {
      return "no change";
    }
    return "UPSERT "
        + changes.stream()
            .map(c -> c.resourceRecordSet().setIdentifier() + "=" + c.resourceRecordSet().weight())
            .collect(Collectors.joining(", "));
  }

  private void awaitInsync(Route53RecordPath path, String changeId, Duration timeout) {
    Backoff backoff = Backoff.until(timeout, settings.pollInitial(), settings.pollMax(), clock);
    while (true) {
      ChangeInfo info =
          call(
                  GET_CHANGE,
                  path,
                  () ->
                      clients
                          .route53()
                          .getChange(
                              b -> b.id(changeId).overrideConfiguration(retries(GET_CHANGE, path))))
              .changeInfo();
      if (info.status() == ChangeStatus.INSYNC) {
        return;
      }
      if (!backoff.pause()) {
        throw new CutoverException(
            "route53:"
                + path
                + ": change "
                + changeId
                + " is still "
                + info.statusAsString()
                + " after "
                + timeout.toSeconds()
                + " s (GetChange)",
            "wait and read again: Route 53 normally propagates a change within 60 s",
            true,
            null);
      }
    }
  }

  private <T> T call(String action, Route53RecordPath path, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.translate(e, action, "hosted zone " + path.zoneId());
    }
  }

  /**
   * Per-call override: the SDK's standard AWS retry strategy (which retries {@code Throttling},
   * {@code PriorRequestNotComplete}, 5xx and I/O errors) with this router's attempts and backoff,
   * and a log line per attempt.
   */
  private AwsRequestOverrideConfiguration retries(String action, Route53RecordPath path) {
    RetryStrategy strategy =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(settings.maxAttempts())
            .backoffStrategy(
                BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax()))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax()))
            .build();
    AttemptLogging log =
        new AttemptLogging(action, "hosted zone " + path.zoneId(), settings.maxAttempts());
    return AwsRequestOverrideConfiguration.builder()
        .apiCallAttemptTimeout(settings.attemptTimeout())
        .apiCallTimeout(settings.callTimeout())
        .addPlugin(
            config ->
                config.overrideConfiguration(
                    o -> o.retryStrategy(strategy).addExecutionInterceptor(log)))
        .build();
  }

  private Route53Client dryRunClient(CapturingHttpClient capture) {
    Route53ClientBuilder builder =
        Route53Client.builder()
            .httpClient(capture)
            .region(clients.route53SigningRegion())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIADRYRUN", "dry")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (clients.endpoint() != null) {
      builder.endpointOverride(clients.endpoint());
    }
    return builder.build();
  }
}
