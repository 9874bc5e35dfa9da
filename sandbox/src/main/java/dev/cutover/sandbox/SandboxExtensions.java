package dev.cutover.sandbox;

import com.github.tomakehurst.wiremock.extension.Extension;
import dev.cutover.sandbox.state.StatefulTransformers;

/**
 * The WireMock extensions that make the sandbox stateful where a cutover needs it (Route 53 change
 * batches and {@code GetChange}, Traffic Manager endpoint PATCH). Mappings stay standard WireMock
 * files; a stub opts in by naming a transformer, and its body is the initial state:
 *
 * <ul>
 *   <li>{@code "transformers": ["route53-rrset"]} on {@code /2013-04-01/hostedzone/ZONE/rrset/?}
 *       (GET and POST), body a {@code ListResourceRecordSetsResponse}; optional {@code
 *       "transformerParameters": {"insyncDelay": "5s"}};
 *   <li>{@code "transformers": ["route53-change"]} on {@code /2013-04-01/change/.*};
 *   <li>{@code "transformers": ["trafficmanager-profile"]} on {@code
 *       …/trafficmanagerprofiles/PROFILE(/.*)?} (GET and PATCH), body the profile.
 * </ul>
 *
 * <p>A change stays {@code PENDING} for {@code CUTOVER_SANDBOX_INSYNC_DELAY} (or {@code
 * -Dcutover.sandbox.insyncDelay}; default 3 s). Faults are injected with WireMock's own means on a
 * higher-priority stub (a {@code fault}, a {@code fixedDelayMilliseconds}, a 5xx), with a scenario
 * to fail only the first calls.
 */
public final class SandboxExtensions {

  private SandboxExtensions() {}

  /** Every extension the sandbox registers. */
  public static Extension[] all() {
    return StatefulTransformers.create();
  }
}
