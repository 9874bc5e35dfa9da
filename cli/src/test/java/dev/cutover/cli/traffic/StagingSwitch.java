package dev.cutover.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cutover.aws.AwsClients;
import dev.cutover.core.json.Json;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.sandbox.Sandbox;
import dev.cutover.sandbox.state.InsyncDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The staging environment's switch against its own sandbox, for end-to-end tests with the real
 * routers: a copy of {@code environments/staging} in a temporary directory ({@code cutover.yaml}
 * and {@code sandbox/}), served by a {@link Sandbox} started in the test JVM on a free port.
 *
 * <p>Two deliberate changes to the copy, and nothing else: the TTLs are 0 s instead of 60 s (Route
 * 53) and 300 s (Traffic Manager), because every bake lasts TTL + bake and a test cannot wait
 * minutes per step; and the gates' {@code 127.0.0.1:8443} (the port the README starts the sandbox
 * on) is this sandbox's port. The journal is the copy's {@code .cutover/journal}.
 */
final class StagingSwitch implements AutoCloseable {

  static final Path STAGING = Path.of("..", "environments", "staging").toAbsolutePath().normalize();
  static final String ZONE = "Z0762351W6HB5YAVDQ1E";
  static final String ROUTE53 = "route53:" + ZONE + "/app.staging.example.org/CNAME";
  static final String SUBSCRIPTION = "6f1c2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f";
  static final String TRAFFIC_MANAGER =
      "trafficmanager:" + SUBSCRIPTION + "/rg-staging/tm-staging-app";
  static final String PROFILE_PATH =
      "/subscriptions/"
          + SUBSCRIPTION
          + "/resourceGroups/rg-staging/providers/Microsoft.Network/trafficmanagerprofiles/"
          + "tm-staging-app";

  /** Staging's Route 53 weights at each step of its plan (5, 10, 25, 50, 75, 100 %). */
  static final List<String> STEPS =
      List.of(
          "aws=95 azure=5",
          "aws=90 azure=10",
          "aws=75 azure=25",
          "aws=50 azure=50",
          "aws=25 azure=75",
          "aws=0 azure=100");

  /** Staging's Route 53 weights today: all traffic on the ALB. */
  static final String PRE_SWITCH = "aws=100 azure=0";

  /** The staging README's port, which the gates in cutover.yaml name. */
  static final String README_PORT = "127.0.0.1:8443";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path env;
  private final Sandbox sandbox;
  private final AwsClients aws;

  private StagingSwitch(Path env, Sandbox sandbox) {
    this.env = env;
    this.sandbox = sandbox;
    this.aws = new AwsClients("us-east-1", sandbox.endpoint());
  }

  /** Copies staging into {@code dir} (TTLs 0 s) and starts its sandbox. */
  static StagingSwitch start(Path dir) {
    return start(dir, true);
  }

  /**
   * @param lowTtl true to lower the TTLs to 0 s; false for staging's own (60 s and 300 s)
   */
  static StagingSwitch start(Path dir, boolean lowTtl) {
    System.setProperty(InsyncDelay.PROPERTY, "0ms");
    Path env = dir.resolve("staging");
    copyTree(STAGING.resolve("sandbox"), env.resolve("sandbox"));
    if (lowTtl) {
      replace(
          env.resolve("sandbox/__files/aws/route53/list-resource-record-sets.xml"),
          "<TTL>60</TTL>",
          "<TTL>0</TTL>");
      replace(
          env.resolve("sandbox/__files/azure/trafficmanager/profile.json"),
          "\"ttl\": 300",
          "\"ttl\": 0");
    }
    Sandbox sandbox = Sandbox.start(env.resolve("sandbox"), 0);
    try {
      String yaml = read(STAGING.resolve("cutover.yaml"));
      assertThat(yaml).contains(README_PORT);
      write(env.resolve("cutover.yaml"), yaml.replace(README_PORT, "127.0.0.1:" + sandbox.port()));
    } catch (RuntimeException | Error e) {
      sandbox.close();
      throw e;
    }
    return new StagingSwitch(env, sandbox);
  }

  /** The environment directory (for {@code --env}). */
  Path env() {
    return env;
  }

  String endpoint() {
    return sandbox.endpoint().toString();
  }

  int port() {
    return sandbox.port();
  }

  /** A WireMock client of the sandbox, for {@link dev.cutover.sandbox.state.Faults}. */
  WireMock wireMock() {
    return new WireMock("127.0.0.1", sandbox.port());
  }

  /**
   * {@code switch COMMAND --env ENV --aws-endpoint URL --azure-endpoint URL MORE...}: a switch
   * command over this copy of staging and its sandbox.
   */
  List<String> args(String command, String... more) {
    List<String> args = new ArrayList<>(List.of("switch", command, "--env", env.toString()));
    args.addAll(List.of("--aws-endpoint", endpoint(), "--azure-endpoint", endpoint()));
    args.addAll(List.of(more));
    return args;
  }

  /** {@link #args} run in-process. */
  SwitchCli.Run cli(String command, String... more) {
    return SwitchCli.run(args(command, more).toArray(String[]::new));
  }

  /**
   * The weights of {@code app.staging.example.org} as Route 53's {@code ListResourceRecordSets}
   * answers them to the AWS SDK (not through the router under test), e.g. {@code aws=100 azure=0}.
   */
  String route53Weights() {
    return aws
        .route53()
        .listResourceRecordSets(
            b ->
                b.hostedZoneId(ZONE)
                    .startRecordName("app.staging.example.org")
                    .startRecordType("CNAME"))
        .resourceRecordSets()
        .stream()
        .filter(r -> r.name().equals("app.staging.example.org."))
        .map(StagingSwitch::weight)
        .collect(Collectors.joining(" "));
  }

  private static String weight(ResourceRecordSet set) {
    return set.setIdentifier() + "=" + set.weight();
  }

  /**
   * Each endpoint of {@code tm-staging-app} as a plain GET of the profile answers it, e.g. {@code
   * aws=1000/Enabled azure=1/Disabled}.
   */
  String trafficManagerEndpoints() {
    StringJoiner endpoints = new StringJoiner(" ");
    for (JsonNode e :
        getJson(PROFILE_PATH + "?api-version=2022-04-01").path("properties").path("endpoints")) {
      endpoints.add(
          e.path("name").asText()
              + "="
              + e.path("properties").path("weight").asInt()
              + "/"
              + e.path("properties").path("endpointStatus").asText());
    }
    return endpoints.toString();
  }

  /** Makes green fail: its health endpoint answers 503 and its gateway's metrics breach. */
  void failGreen() {
    HttpResponse<String> response = send("POST", "/demo/green/fail");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** The last run in the journal of {@code spec}, if any. */
  Optional<JournalView> run(String spec) {
    Path file = JournalFiles.of(env.resolve(".cutover/journal"), spec).journal();
    return Files.exists(file) ? JournalView.lastRun(Journal.read(file)) : Optional.empty();
  }

  /** The entries of the last run of {@code spec}. */
  List<JournalEntry> entries(String spec) {
    return run(spec).orElseThrow().entries();
  }

  /** Waits (up to 30 s) until the last run of {@code spec} satisfies {@code ready}. */
  JournalView await(String spec, Predicate<JournalView> ready, String what) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(giveUp)) {
      Optional<JournalView> view = run(spec);
      if (view.isPresent() && ready.test(view.get())) {
        return view.get();
      }
      sleep(Duration.ofMillis(10));
    }
    throw new AssertionError(
        "the journal of " + spec + " never showed " + what + ": " + run(spec).map(v -> v.state()));
  }

  @Override
  public void close() {
    aws.close();
    sandbox.close();
    System.clearProperty(InsyncDelay.PROPERTY);
  }

  private JsonNode getJson(String path) {
    HttpResponse<String> response = send("GET", path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(String method, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(endpoint() + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every {@code from} in the file; fails if there is none (the data changed). */
  private static void replace(Path file, String from, String to) {
    String text = read(file);
    assertThat(text).as(file.toString()).contains(from);
    write(file, text.replace(from, to));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
