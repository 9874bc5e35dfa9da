package dev.cutover.sandbox.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Traffic Manager profiles the sandbox serves, in memory for the life of the sandbox: a PATCH
 * of an endpoint changes what later GETs of the endpoint and of its profile return. Documents are
 * those of the Traffic Manager REST API 2022-04-01 (Profiles - Get, Endpoints - Get/Update).
 */
final class TrafficManagerState {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> profiles = new HashMap<>();

  /**
   * {@code GET …/trafficmanagerprofiles/P}.
   *
   * @param initial the stub's body, the profile (or an azure-rest-api-specs example of it, whose
   *     {@code responses.200.body} is then used): the profile's state when it is first used
   */
  synchronized Answer getProfile(String key, String initial) {
    return Answer.json(200, profile(key, initial).toString());
  }

  /** {@code GET …/trafficmanagerprofiles/P/TYPE/NAME}. */
  synchronized Answer getEndpoint(String key, String initial, String type, String name) {
    ObjectNode endpoint = endpoint(profile(key, initial), type, name);
    return endpoint == null ? notFound(type, name) : Answer.json(200, endpoint.toString());
  }

  /**
   * {@code PATCH …/trafficmanagerprofiles/P/TYPE/NAME}: merges the body's {@code properties} into
   * the endpoint's and answers the endpoint; {@code BadRequest} (nothing changed) for a weight
   * outside 1–1000 or an {@code endpointStatus} other than Enabled/Disabled.
   */
  synchronized Answer patchEndpoint(
      String key, String initial, String type, String name, String body) {
    ObjectNode endpoint = endpoint(profile(key, initial), type, name);
    if (endpoint == null) {
      return notFound(type, name);
    }
    JsonNode patch;
    try {
      patch = json.readTree(body).path("properties");
    } catch (JsonProcessingException e) {
      return armError(400, "BadRequest", "The request body is not valid JSON.");
    }
    JsonNode weight = patch.path("weight");
    if (!weight.isMissingNode()
        && (!weight.canConvertToLong() || weight.asLong() < 1 || weight.asLong() > 1000)) {
      return armError(
          400, "BadRequest", "The endpoint weight must be an integer between 1 and 1000.");
    }
    JsonNode status = patch.path("endpointStatus");
    if (!status.isMissingNode()
        && !status.asText().equals("Enabled")
        && !status.asText().equals("Disabled")) {
      return armError(400, "BadRequest", "endpointStatus must be Enabled or Disabled.");
    }
    ObjectNode properties = endpoint.withObjectProperty("properties");
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      properties.set(field.getKey(), field.getValue());
    }
    return Answer.json(200, endpoint.toString());
  }

  private ObjectNode profile(String key, String initial) {
    return profiles.computeIfAbsent(
        key.toLowerCase(Locale.ROOT),
        k -> {
          try {
            JsonNode document = json.readTree(initial == null ? "" : initial);
            JsonNode body =
                document.has("responses")
                    ? document.path("responses").path("200").path("body")
                    : document;
            if (!(body instanceof ObjectNode profile)) {
              throw new IllegalArgumentException(
                  "trafficmanager-profile stub for " + key + ": the body is not a profile");
            }
            return profile.deepCopy();
          } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                "trafficmanager-profile stub for " + key + ": the body is not JSON", e);
          }
        });
  }

  /**
   * The endpoint of that name whose ARM type ends with the path's type ({@code ExternalEndpoints}
   * for {@code Microsoft.Network/trafficManagerProfiles/externalEndpoints}), both ignoring case.
   */
  private static ObjectNode endpoint(ObjectNode profile, String type, String name) {
    for (JsonNode endpoint : profile.path("properties").path("endpoints")) {
      String endpointType = endpoint.path("type").asText();
      String last = endpointType.substring(endpointType.lastIndexOf('/') + 1);
      if (endpoint.path("name").asText().equalsIgnoreCase(name)
          && last.equalsIgnoreCase(type)
          && endpoint instanceof ObjectNode node) {
        return node;
      }
    }
    return null;
  }

  private Answer notFound(String type, String name) {
    return armError(404, "NotFound", "The endpoint " + type + "/" + name + " was not found.");
  }

  /** An ARM error body ({@code {"error": {"code": …, "message": …}}}). */
  Answer armError(int status, String code, String message) {
    ObjectNode error = json.createObjectNode();
    error.putObject("error").put("code", code).put("message", message);
    return Answer.json(status, error.toString());
  }
}
