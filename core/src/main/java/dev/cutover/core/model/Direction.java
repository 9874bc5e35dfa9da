package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.CutoverException;
import java.util.Locale;

/**
 * Which way a firewall rule filters: {@code ingress} (AWS ingress, NSG Inbound) or {@code egress}.
 */
public enum Direction {
  INGRESS,
  EGRESS;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Accepts {@code ingress}/{@code egress} and the NSG spellings {@code Inbound}/{@code Outbound}.
   *
   * @throws CutoverException for anything else
   */
  @JsonCreator
  public static Direction parse(String text) {
    switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
      case "ingress":
      case "inbound":
        return INGRESS;
      case "egress":
      case "outbound":
        return EGRESS;
      default:
        throw new CutoverException(
            "unknown rule direction '" + text + "'; expected ingress|egress (or Inbound|Outbound)");
    }
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
