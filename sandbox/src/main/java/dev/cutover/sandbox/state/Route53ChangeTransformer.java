package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a stub of {@code GET /2013-04-01/change/ID} answer the status of a change the sandbox
 * accepted: {@code PENDING} until its {@link InsyncDelay} has passed, then {@code INSYNC}; {@code
 * NoSuchChange} (404) for an unknown id. Opt in with {@code "transformers": ["route53-change"]}.
 */
public final class Route53ChangeTransformer extends StatefulTransformer {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "route53-change";

  private final Route53State state;

  Route53ChangeTransformer(Route53State state) {
    super(NAME, Pattern.compile("/2013-04-01/change/([^/]+)"));
    this.state = state;
  }

  @Override
  Answer answer(Matcher path, LoggedRequest request, String initial, Parameters parameters) {
    return state.getChange(path.group(1));
  }

  @Override
  Answer notServed(String message) {
    return Route53State.error(404, "InvalidInput", message);
  }
}
