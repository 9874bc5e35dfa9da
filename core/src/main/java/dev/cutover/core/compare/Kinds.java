package dev.cutover.core.compare;

import dev.cutover.core.model.ResourceKind;

/** Resource kinds as a person names them in a message. */
final class Kinds {

  private Kinds() {}

  static String label(ResourceKind kind) {
    switch (kind) {
      case LOAD_BALANCER:
        return "load balancer";
      case DNS_RECORD_SET:
        return "DNS record set";
      default:
        return kind.jsonName();
    }
  }
}
