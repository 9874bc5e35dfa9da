package dev.cutover.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Serves azure-rest-api-specs example documents ({@code responses.200.body}) from WireMock for the
 * list operations the scan calls; see {@code src/test/resources/SOURCES.md} for what is changed
 * when serving.
 */
final class ArmStubs {

  /** The subscription the tests scan (the GUID of {@code NetworkSecurityGroupList.json}). */
  static final String SUB = "00000000-0000-0000-0000-000000000000";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WireMockServer server;

  ArmStubs(WireMockServer server) {
    this.server = server;
  }

  URI endpoint() {
    return URI.create(server.baseUrl());
  }

  /** The example's 200 body, with {@code https://servicehost} links pointed at WireMock. */
  String body(String resource) {
    try {
      JsonNode body =
          MAPPER.readTree(TestFiles.text(resource)).path("responses").path("200").path("body");
      return MAPPER.writeValueAsString(body).replace("https://servicehost", server.baseUrl());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A single-resource example body served as the one item of a list. */
  String listOf(String resource) {
    return "{\"value\": [" + body(resource) + "]}";
  }

  /** A list body with a {@code nextLink} to {@code nextPath} on WireMock added. */
  String withNextLink(String listJson, String nextPath) {
    try {
      ObjectNode list = (ObjectNode) MAPPER.readTree(listJson);
      list.put("nextLink", server.baseUrl() + nextPath);
      return MAPPER.writeValueAsString(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves {@code json} for GET on the ARM path (matched case-insensitively, any query). */
  void list(String path, String json) {
    server.stubFor(get(path(path)).willReturn(okJson(json)));
  }

  /** Serves the terminal empty page behind an example's {@code $skipToken=skipToken} link. */
  void lastPage(String path) {
    server.stubFor(
        get(path(path))
            .withQueryParam("$skipToken", equalTo("skipToken"))
            .atPriority(1)
            .willReturn(okJson("{\"value\": []}")));
  }

  /** An ARM error response: {@code {"error": {"code": ..., "message": ...}}}. */
  void error(String path, int status, String code, String message, String retryAfter) {
    var response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}");
    if (retryAfter != null) {
      response.withHeader("Retry-After", retryAfter);
    }
    server.stubFor(get(path(path)).willReturn(response));
  }

  private static com.github.tomakehurst.wiremock.matching.UrlPathPattern path(String path) {
    return urlPathMatching("(?i)" + Pattern.quote(path));
  }
}
