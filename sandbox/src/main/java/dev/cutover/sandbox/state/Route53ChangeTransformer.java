package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a stub of {@code GET /2013-04-01/change/ID} answer the status of a change the sandbox
 * accepted: {@code PENDING} until its {@link InsyncDelay} has passed, then {@code INSYNC}; {@code
 * NoSuchChange} (404) for an unknown id. Opt in with {@code "transformers": ["route53-change"]}.
 */
public final class Route53ChangeTransformer implements ResponseTransformerV2 {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "route53-change";

  private static final Pattern PATH = Pattern.compile("/2013-04-01/change/([^/?]+)");

  private final Route53State state;

  Route53ChangeTransformer(Route53State state) {
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
    Matcher path = PATH.matcher(event.getRequest().getUrl().split("\\?", 2)[0]);
    Answer answer =
        path.matches()
            ? state.getChange(path.group(1))
            : Route53State.error(404, "InvalidInput", NAME + " serves /2013-04-01/change/ID only");
    return answer.applyTo(response);
  }
}
