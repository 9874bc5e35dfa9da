package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a stub of a Traffic Manager profile ({@code
 * /subscriptions/S/resourceGroups/G/providers/Microsoft.Network/trafficmanagerprofiles/P}, and the
 * endpoints under it, {@code …/P/ExternalEndpoints/NAME}) stateful: its body is the profile's
 * initial state, {@code GET} serves the profile or an endpoint as it is now, {@code PATCH} of an
 * endpoint changes it. Opt in with {@code "transformers": ["trafficmanager-profile"]} on a stub
 * whose URL pattern covers the profile and its endpoints.
 */
public final class TrafficManagerTransformer extends StatefulTransformer {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "trafficmanager-profile";

  private final TrafficManagerState state;

  TrafficManagerTransformer(TrafficManagerState state) {
    super(
        NAME,
        Pattern.compile(
            "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/"
                + "trafficManagerProfiles/([^/]+)(?:/([^/]+)/([^/]+))?",
            Pattern.CASE_INSENSITIVE));
    this.state = state;
  }

  @Override
  Answer answer(Matcher path, LoggedRequest request, String initial, Parameters parameters) {
    String key = path.group(1) + "/" + path.group(2) + "/" + path.group(3);
    String method = request.getMethod().getName();
    if (path.group(4) == null) {
      return method.equals("GET")
          ? state.getProfile(key, initial)
          : state.armError(405, "MethodNotAllowed", method + " of a profile is not emulated");
    }
    String type = path.group(4);
    String name = URLDecoder.decode(path.group(5).replace("+", "%2B"), StandardCharsets.UTF_8);
    return switch (method) {
      case "GET" -> state.getEndpoint(key, initial, type, name);
      case "PATCH" -> state.patchEndpoint(key, initial, type, name, request.getBodyAsString());
      default ->
          state.armError(405, "MethodNotAllowed", method + " of an endpoint is not emulated");
    };
  }

  @Override
  Answer notServed(String message) {
    return state.armError(404, "NotFound", message);
  }
}
