package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
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
public final class Route53RecordSetsTransformer implements ResponseTransformerV2 {

  /** The name a stub lists in {@code transformers}. */
  public static final String NAME = "route53-rrset";

  private static final Pattern PATH = Pattern.compile("/2013-04-01/hostedzone/([^/?]+)/rrset/?");

  private final Route53State state;

  Route53RecordSetsTransformer(Route53State state) {
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
      return Route53State.error(
              404, "InvalidInput", NAME + " serves /2013-04-01/hostedzone/ZONE/rrset only")
          .applyTo(response);
    }
    String zone = path.group(1);
    String initial = response.getBodyAsString();
    Answer answer =
        switch (request.getMethod().getName()) {
          case "GET" -> state.list(zone, initial, query(request));
          case "POST" ->
              state.change(
                  zone,
                  initial,
                  request.getBodyAsString(),
                  delay(event.getTransformerParameters()));
          default -> Route53State.error(405, "InvalidInput", "method not allowed");
        };
    return answer.applyTo(response);
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
