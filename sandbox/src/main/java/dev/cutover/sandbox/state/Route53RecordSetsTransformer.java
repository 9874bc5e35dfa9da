package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a stub of {@code /2013-04-01/hostedzone/ZONE/rrset} stateful: its body (a {@code
 * ListResourceRecordSetsResponse}) is the zone's initial record sets, {@code GET} lists the current
 * ones, {@code POST} applies a {@code ChangeResourceRecordSets} batch. Opt in with {@code
 * "transformers": ["route53-rrset"]}; the optional transformer parameter {@code insyncDelay}
 * overrides {@link InsyncDelay}.
 */
public final class Route53RecordSetsTransformer extends StatefulTransformer {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "route53-rrset";

  private final Route53State state;

  Route53RecordSetsTransformer(Route53State state) {
    super(NAME, Pattern.compile("/2013-04-01/hostedzone/([^/]+)/rrset/?"));
    this.state = state;
  }

  @Override
  Answer answer(Matcher path, LoggedRequest request, String initial, Parameters parameters) {
    String zone = path.group(1);
    return switch (request.getMethod().getName()) {
      case "GET" -> state.list(zone, initial, query(request));
      case "POST" -> state.change(zone, initial, request.getBodyAsString(), delay(parameters));
      default -> Route53State.error(405, "InvalidInput", "method not allowed");
    };
  }

  @Override
  Answer notServed(String message) {
    return Route53State.error(404, "InvalidInput", message);
  }

  private static Map<String, String> query(LoggedRequest request) {
    Map<String, String> query = new HashMap<>();
    for (String name : new String[] {"name", "type", "identifier", "maxitems"}) {
      QueryParameter parameter = request.queryParameter(name);
      if (parameter != null && parameter.isPresent()) {
        query.put(name, parameter.firstValue());
      }
    }
    return query;
  }

  private static Duration delay(Parameters parameters) {
    if (parameters != null && parameters.containsKey(InsyncDelay.PARAMETER)) {
      return InsyncDelay.parse(
          String.valueOf(parameters.get(InsyncDelay.PARAMETER)),
          "transformerParameters." + InsyncDelay.PARAMETER);
    }
    return InsyncDelay.configured();
  }
}
