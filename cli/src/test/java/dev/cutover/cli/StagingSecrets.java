package dev.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The values a state marks sensitive (its {@code sensitive_attributes} top-level paths). */
final class StagingSecrets {

  private StagingSecrets() {}

  /** Every non-empty string value at a top-level sensitive attribute path of a v4 state. */
  static List<String> in(String stateJson) {
    JsonNode state;
    try {
      state = new ObjectMapper().readTree(stateJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<String> secrets = new ArrayList<>();
    for (JsonNode resource : state.get("resources")) {
      for (JsonNode instance : resource.get("instances")) {
        for (JsonNode path : instance.path("sensitive_attributes")) {
          JsonNode value = instance.get("attributes").get(path.get(0).get("value").asText());
          if (value != null && value.isTextual() && !value.asText().isEmpty()) {
            secrets.add(value.asText());
          }
        }
      }
    }
    return secrets;
  }
}
