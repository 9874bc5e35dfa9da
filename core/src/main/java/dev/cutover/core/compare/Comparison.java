package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What was compared with what.
 *
 * <ul>
 *   <li>{@code drift}: a cloud's Terraform state (left) with the same cloud live (right)
 *   <li>{@code parity}: the source cloud (left) with the target cloud (right)
 *   <li>{@code envdiff}: one environment (left) with another of the same cloud (right)
 * </ul>
 */
public enum Comparison {
  DRIFT,
  PARITY,
  ENVDIFF;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
