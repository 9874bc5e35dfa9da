package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cutover.core.CutoverException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The canonical resource kinds; {@link #jsonName()} is the {@code kind} field of the JSON form. */
public enum ResourceKind {
  NETWORK("network"),
  SUBNET("subnet"),
  FIREWALL("firewall"),
  LOAD_BALANCER("load_balancer"),
  DATABASE("database"),
  DNS_RECORD_SET("dns_record_set");

  private final String jsonName;

  ResourceKind(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  /**
   * Parses the JSON name ({@code network}, {@code load_balancer}, ...).
   *
   * @throws CutoverException for an unknown name, listing the known ones
   */
  @JsonCreator
  public static ResourceKind parse(String name) {
    for (ResourceKind kind : values()) {
      if (kind.jsonName.equals(name)) {
        return kind;
      }
    }
    throw new CutoverException(
        "unknown resource kind '"
            + name
            + "'; expected one of "
            + Arrays.stream(values())
                .map(ResourceKind::jsonName)
                .collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return jsonName;
  }
}
