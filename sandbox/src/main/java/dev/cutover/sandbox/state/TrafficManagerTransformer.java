package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
public final class TrafficManagerTransformer implements ResponseTransformerV2 {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "trafficmanager-profile";

  private static final Pattern PATH =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Network/"
              + "trafficManagerProfiles/([^/]+)(?:/([^/]+)/([^/]+))?",
          Pattern.CASE_INSENSITIVE);

  private final TrafficManagerState state;

  TrafficManagerTransformer(TrafficManagerState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent event) {
    LoggedRequest request = event.getRequest();
    Matcher path = PATH.matcher(request.getUrl().split("\\?", 2)[0]);
    if (!path.matches()) {
      return state
          .armError(404, "NotFound", NAME + " serves a trafficmanagerprofiles URL only")
          .applyTo(response);
    }
    String key = path.group(1) + "/" + path.group(2) + "/" + path.group(3);
    String initial = response.getBodyAsString();
    String method = request.getMethod().getName();
    Answer answer;
    if (path.group(4) == null) {
      answer =
          method.equals("GET")
              ? state.getProfile(key, initial)
              : state.armError(405, "MethodNotAllowed", method + " of a profile is not emulated");
    } else {
      String type = path.group(4);
      String name = URLDecoder.decode(path.group(5), StandardCharsets.UTF_8);
      answer =
          switch (method) {
            case "GET" -> state.getEndpoint(key, initial, type, name);
            case "PATCH" ->
                state.patchEndpoint(key, initial, type, name, request.getBodyAsString());
            default ->
                state.armError(405, "MethodNotAllowed", method + " of an endpoint is not emulated");
          };
    }
    return answer.applyTo(response);
  }
}
