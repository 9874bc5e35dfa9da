package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transformer that only stubs naming it use ({@code applyGlobally} false): it matches the request
 * path and replaces the stub's status, content type and body with the answer of the state, keeping
 * the stub's delays and faults.
 */
abstract class StatefulTransformer implements ResponseTransformerV2 {

  private final String name;
  private final Pattern path;

  StatefulTransformer(String name, Pattern path) {
    this.name = name;
    this.path = path;
  }

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final boolean applyGlobally() {
    return false;
  }

  @Override
  public final Response transform(Response response, ServeEvent event) {
    LoggedRequest request = event.getRequest();
    Matcher matcher = path.matcher(request.getUrl().split("\\?", 2)[0]);
    Answer answer =
        matcher.matches()
            ? answer(matcher, request, response.getBodyAsString(), event.getTransformerParameters())
            : notServed(name + " does not serve " + request.getUrl());
    return answer.applyTo(response);
  }

  /**
   * @param path the request path matched against this transformer's pattern
   * @param initial the stub's body: the initial state
   * @param parameters the stub's transformer parameters
   */
  abstract Answer answer(
      Matcher path, LoggedRequest request, String initial, Parameters parameters);

  /** The answer to a request whose path this transformer does not serve (a stub's mistake). */
  abstract Answer notServed(String message);
}
