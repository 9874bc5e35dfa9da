package dev.cutover.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.cutover.core.CutoverException;
import dev.cutover.core.source.Endpoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one HTTP pipeline and profile every Azure resource manager of a run is built from: the
 * endpoint, credentials, retries and timeouts in one place. Build a manager with {@code
 * XManager.authenticate(clients.pipeline(), clients.profile())}.
 *
 * <ul>
 *   <li>Endpoint: Azure Resource Manager ({@code https://management.azure.com/}) by default; an
 *       override for sovereign clouds or the sandbox. A plain {@code http://} endpoint is accepted
 *       only on loopback, and then no credential is asked for (the sandbox): the SDK refuses token
 *       credentials over HTTP (SDK-NOTES).
 *   <li>Credentials: {@code DefaultAzureCredential} (environment, workload identity, managed
 *       identity, Azure CLI, ...), scoped to the endpoint's {@code /.default}.
 *   <li>Retries: exponential backoff, 3 retries, honouring {@code Retry-After} on 429 and 503
 *       (azure-core {@link RetryPolicy}). HTTP: the JDK client (no Netty; see SDK-NOTES).
 * </ul>
 */
public final class AzureClients {

  /** The public Azure Resource Manager endpoint. */
  public static final URI PUBLIC_ARM = URI.create("https://management.azure.com/");

  private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofMillis(500);

  private final String subscriptionId;
  private final URI endpoint;
  private final HttpPipeline pipeline;
  private final AzureProfile profile;

  /**
   * @param subscriptionId the subscription every manager works in
   * @param endpoint an ARM endpoint override, or null for the public cloud
   * @throws CutoverException for an {@code http://} endpoint that is not loopback
   */
  public AzureClients(String subscriptionId, URI endpoint) {
    this(subscriptionId, endpoint, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_RETRY_BASE_DELAY);
  }

  /**
   * As {@link #AzureClients(String, URI)} with its own per-attempt response timeout and first retry
   * delay (tests, slow links).
   *
   * @param responseTimeout the longest one HTTP attempt may wait for a response (default 30 s)
   * @param retryBaseDelay the first retry delay, doubled each retry up to 10 s (default 0.5 s)
   */
  public AzureClients(
      String subscriptionId, URI endpoint, Duration responseTimeout, Duration retryBaseDelay) {
    this.subscriptionId = subscriptionId;
    this.endpoint = endpoint == null ? PUBLIC_ARM : withTrailingSlash(endpoint);
    boolean sandbox = isSandbox(this.endpoint);
    AzureEnvironment environment =
        endpoint == null
            ? AzureEnvironment.AZURE
            : new AzureEnvironment(
                Map.of(
                    "resourceManagerEndpointUrl", this.endpoint.toString(),
                    "managementEndpointUrl", this.endpoint.toString(),
                    // SqlServerManager builds an AuthorizationManager that requires a Graph
                    // endpoint (NullPointerException without one); no Graph call is ever made.
                    "microsoftGraphResourceId", this.endpoint.toString()));
    this.profile = new AzureProfile(null, subscriptionId, environment);
    this.pipeline =
        buildPipeline(
            sandbox ? null : new DefaultAzureCredentialBuilder().build(),
            responseTimeout,
            retryBaseDelay);
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  /** The ARM endpoint in use, with a trailing slash. */
  public URI endpoint() {
    return endpoint;
  }

  public HttpPipeline pipeline() {
    return pipeline;
  }

  public AzureProfile profile() {
    return profile;
  }

  private HttpPipeline buildPipeline(
      TokenCredential credential, Duration responseTimeout, Duration retryBaseDelay) {
    HttpClient http =
        new JdkHttpClientBuilder()
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(responseTimeout)
            .build();
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(new UserAgentPolicy("cutover"));
    policies.add(new RequestIdPolicy());
    policies.add(
        new RetryPolicy(
            new RetryOptions(
                new ExponentialBackoffOptions()
                    .setMaxRetries(3)
                    .setBaseDelay(retryBaseDelay)
                    .setMaxDelay(Duration.ofSeconds(10)))));
    if (credential != null) {
      String scope = endpoint.toString() + ".default";
      policies.add(new ArmChallengeAuthenticationPolicy(credential, new String[] {scope}));
    } else {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaderName.AUTHORIZATION, "Bearer sandbox");
      policies.add(new AddHeadersPolicy(headers));
    }
    policies.add(new HttpLoggingPolicy(new HttpLogOptions()));
    return new HttpPipelineBuilder()
        .httpClient(http)
        .policies(policies.toArray(new HttpPipelinePolicy[0]))
        .build();
  }

  /**
   * True for an {@code http://} loopback endpoint (the sandbox).
   *
   * @throws CutoverException for {@code http://} to anything but loopback: credentials would go in
   *     clear text
   */
  static boolean isSandbox(URI endpoint) {
    if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
      return false;
    }
    boolean loopback = Endpoints.isLoopback(endpoint);
    if (!loopback) {
      throw new CutoverException(
          "--azure-endpoint "
              + endpoint
              + ": plain http is accepted only on loopback (the sandbox)",
          "use https:// for a real Azure Resource Manager endpoint",
          false,
          null);
    }
    return true;
  }

  private static URI withTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }
}
