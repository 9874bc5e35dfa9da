package dev.cutover.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.ProgressListener;
import java.net.URI;
import java.util.Set;

/**
 * WireMock stubs for the AWS APIs as the SDK calls them (SDK-NOTES): EC2, ELBv2 and RDS as Query
 * calls ({@code POST /}, form field {@code Action}), Route 53 as REST-XML under {@code
 * /2013-04-01/}.
 */
final class AwsApi {

  static final String REGION = "us-east-1";

  private AwsApi() {}

  /** A Query call of this action. */
  static MappingBuilder query(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  /** Answers a Query action with a document. */
  static void answer(WireMockExtension wm, String action, String resource) {
    wm.stubFor(query(action).willReturn(xml(resource)));
  }

  static ResponseDefinitionBuilder xml(String resource) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/xml")
        .withBody(Fixtures.text(resource));
  }

  /**
   * An EC2 error document ({@code <Response><Errors><Error>}; EC2 API Reference, "Error codes").
   */
  static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
    return errorBody(
        status,
        "<Response><Errors><Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error></Errors><RequestID>1</RequestID></Response>");
  }

  /**
   * An error document of ELBv2, RDS and Route 53 ({@code <ErrorResponse><Error>}; their API
   * references, "Common Errors").
   */
  static ResponseDefinitionBuilder error(int status, String code, String message) {
    return errorBody(
        status,
        "<ErrorResponse><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
  }

  private static ResponseDefinitionBuilder errorBody(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** Scans the kinds against the stub. */
  static Inventory scan(WireMockExtension wm, ProgressListener progress, ResourceKind... kinds) {
    return new AwsProvider()
        .scan(new LiveRequest(REGION, Set.of(kinds), URI.create(wm.baseUrl()), progress));
  }
}
