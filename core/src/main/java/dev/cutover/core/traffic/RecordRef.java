package dev.cutover.core.traffic;

import dev.cutover.core.CutoverException;
import java.util.Objects;

/**
 * A weighted record set and its two sides, as named on the command line or in {@code cutover.yaml}:
 *
 * <ul>
 *   <li>{@code route53:ZONE_ID/NAME/TYPE} with {@code --blue}/{@code --green} Route 53 {@code
 *       SetIdentifier}s;
 *   <li>{@code trafficmanager:SUBSCRIPTION/RESOURCE_GROUP/PROFILE} with {@code --blue}/{@code
 *       --green} Traffic Manager endpoint names.
 * </ul>
 *
 * @param scheme the router id: {@code route53}, {@code trafficmanager}
 * @param path what follows the scheme, in the router's own syntax
 * @param blue the member serving the source (takes 100 % before the switch)
 * @param green the member serving the target (takes 100 % after it)
 */
public record RecordRef(String scheme, String path, String blue, String green) {

  public RecordRef {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(blue, "blue");
    Objects.requireNonNull(green, "green");
    if (blue.equals(green)) {
      throw new CutoverException(
          scheme + ":" + path + ": --blue and --green name the same member '" + blue + "'");
    }
  }

  /**
   * Parses {@code SCHEME:PATH}.
   *
   * @throws CutoverException if there is no scheme or no path
   */
  public static RecordRef parse(String spec, String blue, String green) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new CutoverException(
          "record '"
              + spec
              + "': expected route53:ZONE_ID/NAME/TYPE or"
              + " trafficmanager:SUBSCRIPTION/RESOURCE_GROUP/PROFILE");
    }
    if (blue == null || green == null) {
      throw new CutoverException("record '" + spec + "': --blue and --green are required");
    }
    return new RecordRef(spec.substring(0, colon), spec.substring(colon + 1), blue, green);
  }

  /** {@code SCHEME:PATH}, the key of the lock and of the journal. */
  public String spec() {
    return scheme + ":" + path;
  }
}
