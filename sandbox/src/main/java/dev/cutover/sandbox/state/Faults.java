package dev.cutover.sandbox.state;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fault injection for tests, with WireMock's own means: higher-priority stubs in a scenario answer
 * the first matching requests with the given faults ({@code aResponse().withFault(
 * Fault.CONNECTION_RESET_BY_PEER)}, {@code withStatus(503)}, {@code withFixedDelay(…)}), after
 * which the stub below (stateful or not) answers again. Works against a sandbox ({@code new
 * WireMock("127.0.0.1", sandbox.port())}) and any WireMock server.
 */
public final class Faults {

  /** The priority of fault stubs; a stub without priority has 5. */
  public static final int PRIORITY = 1;

  private Faults() {}

  /**
   * Answers the first requests matching {@code request} with {@code failures}, one each, in order
   * (usually faults; a success among them lets that request through with that answer).
   *
   * @param request a fresh mapping builder per call (WireMock builders are single-use)
   */
  public static void failFirst(
      WireMock wireMock, Supplier<MappingBuilder> request, ResponseDefinitionBuilder... failures) {
    String scenario = "fault-" + UUID.randomUUID();
    for (int i = 0; i < failures.length; i++) {
      wireMock.register(
          request
              .get()
              .atPriority(PRIORITY)
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
              .willSetStateTo("failed-" + (i + 1))
              .willReturn(failures[i]));
    }
  }

  /** Answers every request matching {@code request} with {@code failure}. */
  public static void failAlways(
      WireMock wireMock, Supplier<MappingBuilder> request, ResponseDefinitionBuilder failure) {
    wireMock.register(request.get().atPriority(PRIORITY).willReturn(failure));
  }
}
