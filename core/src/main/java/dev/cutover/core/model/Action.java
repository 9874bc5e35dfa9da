package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.CutoverException;
import java.util.Locale;

/** What a firewall rule does with matching traffic. AWS security groups only {@code allow}. */
public enum Action {
  ALLOW,
  DENY;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Accepts {@code allow}/{@code deny} in any case (NSG {@code access} is {@code Allow}/{@code
   * Deny}).
   *
   * @throws CutoverException for anything else
   */
  @JsonCreator
  public static Action parse(String text) {
    switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
      case "allow":
        return ALLOW;
      case "deny":
        return DENY;
      default:
        throw new CutoverException("unknown rule action '" + text + "'; expected allow|deny");
    }
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
