package dev.cutover.sandbox.state;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cutover.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sandbox started from standard mapping files, driven over HTTP as the SDKs drive it. */
class StatefulSandboxTest {

  private static final String ZONE = "/2013-04-01/hostedzone/Z1PA6795/rrset";
  private static final String PROFILE =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg"
          + "/providers/Microsoft.Network/trafficmanagerprofiles/azuresdkfornetautoresttrafficmanager3880";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private Sandbox sandbox;

  @BeforeEach
  void start() throws URISyntaxException {
    sandbox = Sandbox.start(Path.of(getClass().getResource("/sandbox").toURI()), 0);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void route53_changeBatch_isVisibleInTheNextList() {
    assertThat(weights(send("GET", ZONE + "?name=www.denominator.io&type=CNAME", null).body()))
        .containsExactly("MyService-East=1", "MyService-West=5");

    HttpResponse<String> change = send("POST", ZONE + "/", request("upsert_weights.xml"));

    assertThat(change.statusCode()).isEqualTo(200);
    assertThat(change.body())
        .contains("<ChangeResourceRecordSetsResponse")
        .contains("<Status>PENDING</Status>")
        .contains("<Comment>cutover: UPSERT MyService-East=95, MyService-West=5</Comment>");
    assertThat(changeId(change.body())).matches("C[A-Z0-9]{13}");
    assertThat(weights(send("GET", ZONE + "?name=www.denominator.io&type=CNAME", null).body()))
        .containsExactly("MyService-East=95", "MyService-West=5");
  }

  @Test
  void route53_getChange_isPendingUntilTheDelayThenInsync() throws InterruptedException {
    String id = changeId(send("POST", ZONE + "/", request("upsert_weights.xml")).body());

    String first = send("GET", "/2013-04-01/change/" + id, null).body();
    Thread.sleep(600);
    String later = send("GET", "/2013-04-01/change/" + id, null).body();

    assertThat(first).contains("<GetChangeResponse").contains("<Status>PENDING</Status>");
    assertThat(later).contains("<Id>/change/" + id + "</Id>").contains("<Status>INSYNC</Status>");
  }

  @Test
  void route53_unknownChange_isNoSuchChange() {
    HttpResponse<String> response = send("GET", "/2013-04-01/change/C0000000000000", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<Code>NoSuchChange</Code>");
  }

  @Test
  void route53_deleteOfAbsentRecord_refusesTheWholeBatch() {
    HttpResponse<String> response = send("POST", ZONE + "/", request("batch_rrs_request.xml"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Code>InvalidChangeBatch</Code>")
        .contains("Tried to delete resource record set [name='jclouds.org.', type='TXT']");
    assertThat(weights(send("GET", ZONE, null).body()))
        .containsExactly("MyService-East=1", "MyService-West=5");
  }

  @Test
  void route53_weightAbove255_refusesTheWholeBatch() {
    HttpResponse<String> response =
        send(
            "POST",
            ZONE + "/",
            request("upsert_weights.xml").replace("<Weight>5<", "<Weight>256<"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidInput</Code>").contains("Weight 256");
    assertThat(weights(send("GET", ZONE, null).body()))
        .containsExactly("MyService-East=1", "MyService-West=5");
  }

  @Test
  void route53_deleteThenCreateBatch_replacesTheRecord() {
    String zone = "/2013-04-01/hostedzone/Z21DW1QVGID6NG/rrset";

    HttpResponse<String> response = send("POST", zone + "/", request("batch_rrs_request.xml"));

    assertThat(response.statusCode()).isEqualTo(200);
    String list = send("GET", zone + "?name=jclouds.org.&type=TXT", null).body();
    assertThat(list).contains("<Value>my better texts</Value>").doesNotContain("<Value>my texts<");
  }

  @Test
  void route53_listFromNameWithMaxItems_pagesInRoute53Order() {
    String page =
        send("GET", ZONE + "?name=www.denominator.io.&type=CNAME&maxitems=1", null).body();

    assertThat(page)
        .contains("<SetIdentifier>MyService-East</SetIdentifier>")
        .doesNotContain("MyService-West</SetIdentifier>")
        .contains("<IsTruncated>true</IsTruncated>")
        .contains("<NextRecordName>www.denominator.io.</NextRecordName>")
        .contains("<NextRecordIdentifier>MyService-West</NextRecordIdentifier>");
    String next =
        send(
                "GET",
                ZONE + "?name=www.denominator.io.&type=CNAME&identifier=MyService-West&maxitems=1",
                null)
            .body();
    assertThat(next)
        .contains("<SetIdentifier>MyService-West</SetIdentifier>")
        .contains("<IsTruncated>false</IsTruncated>");
  }

  @Test
  void trafficManager_patch_isVisibleInTheNextProfileAndEndpointGet() {
    HttpResponse<String> patched =
        send(
            "PATCH",
            PROFILE + "/NestedEndpoints/MyFirstNestedEndpoint?api-version=2022-04-01",
            "{\"properties\":{\"weight\":50,\"endpointStatus\":\"Enabled\"}}");

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(json(patched.body()).path("properties").path("weight").asInt()).isEqualTo(50);
    JsonNode profile = json(send("GET", PROFILE + "?api-version=2022-04-01", null).body());
    JsonNode nested = profile.path("properties").path("endpoints").get(1);
    assertThat(nested.path("name").asText()).isEqualTo("MyFirstNestedEndpoint");
    assertThat(nested.path("properties").path("weight").asInt()).isEqualTo(50);
    assertThat(nested.path("properties").path("endpointStatus").asText()).isEqualTo("Enabled");
    JsonNode endpoint =
        json(
            send(
                    "GET",
                    PROFILE + "/NestedEndpoints/MyFirstNestedEndpoint?api-version=2022-04-01",
                    null)
                .body());
    assertThat(endpoint.path("properties").path("weight").asInt()).isEqualTo(50);
  }

  @Test
  void trafficManager_externalEndpointNameWithSpaces_isFoundByItsEncodedPath() {
    HttpResponse<String> patched =
        send(
            "PATCH",
            PROFILE + "/ExternalEndpoints/My%20external%20endpoint?api-version=2022-04-01",
            "{\"properties\":{\"weight\":950,\"endpointStatus\":\"Enabled\"}}");

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(json(patched.body()).path("name").asText()).isEqualTo("My external endpoint");
  }

  @Test
  void trafficManager_weightOutsideRange_isBadRequestAndChangesNothing() {
    HttpResponse<String> response =
        send(
            "PATCH",
            PROFILE + "/ExternalEndpoints/My%20external%20endpoint?api-version=2022-04-01",
            "{\"properties\":{\"weight\":0}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).path("error").path("code").asText()).isEqualTo("BadRequest");
    JsonNode profile = json(send("GET", PROFILE, null).body());
    assertThat(
            profile
                .path("properties")
                .path("endpoints")
                .get(0)
                .path("properties")
                .path("weight")
                .asInt())
        .isEqualTo(1000);
  }

  @Test
  void trafficManager_patchOfTheSpecExampleEndpoint_isNotFoundInThisProfile() throws IOException {
    JsonNode example = JSON.readTree(request("Endpoint-PATCH-External-Target.json"));
    String body = example.path("parameters").path("parameters").toString();

    HttpResponse<String> response =
        send("PATCH", PROFILE + "/ExternalEndpoints/azsmnet7187?api-version=2022-04-01", body);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response.body()).path("error").path("code").asText()).isEqualTo("NotFound");
  }

  @Test
  void fault_onFirstChangeOnly_failsItAndTheRetryIsAppliedOnce() {
    Faults.failFirst(
        new WireMock("127.0.0.1", sandbox.port()),
        () -> post(urlPathEqualTo(ZONE + "/")),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThatThrownBy(() -> send("POST", ZONE + "/", request("upsert_weights.xml")))
        .hasRootCauseInstanceOf(IOException.class);
    HttpResponse<String> retry = send("POST", ZONE + "/", request("upsert_weights.xml"));

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(weights(send("GET", ZONE, null).body()))
        .containsExactly("MyService-East=95", "MyService-West=5");
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code SetIdentifier=Weight} of each record set in a list response, in order. */
  private static List<String> weights(String listResponse) {
    Document doc = Route53State.parse(listResponse);
    NodeList sets = doc.getElementsByTagName("ResourceRecordSet");
    return java.util.stream.IntStream.range(0, sets.getLength())
        .mapToObj(i -> (Element) sets.item(i))
        .map(e -> Route53State.text(e, "SetIdentifier") + "=" + Route53State.text(e, "Weight"))
        .toList();
  }

  private static String changeId(String changeResponse) {
    Matcher id = Pattern.compile("<Id>/change/([^<]+)</Id>").matcher(changeResponse);
    assertThat(id.find()).as(changeResponse).isTrue();
    return id.group(1);
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String request(String name) {
    try (InputStream in =
        StatefulSandboxTest.class.getResourceAsStream("/sandbox/requests/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
