package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The drift vocabulary (as driftctl and {@code terraform plan} use it), for every comparison.
 *
 * <ul>
 *   <li>{@code missing}: the left side has it, the right does not (in state, not live; in the
 *       source, not the target)
 *   <li>{@code unmanaged}: the right side has it, the left does not (live but not in state)
 *   <li>{@code changed}: both have it and it differs
 * </ul>
 */
public enum FindingType {
  MISSING,
  UNMANAGED,
  CHANGED;

  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
