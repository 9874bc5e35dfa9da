package dev.cutover.azure.traffic;

import dev.cutover.core.CutoverException;

/**
 * The path of a {@code trafficmanager:} record: {@code SUBSCRIPTION/RESOURCE_GROUP/PROFILE}, or the
 * profile's ARM id {@code /subscriptions/S/resourceGroups/G/providers/Microsoft.Network/
 * trafficManagerProfiles/P}.
 */
record TrafficManagerPath(String subscription, String resourceGroup, String profile) {

  /**
   * @throws CutoverException if a part is missing
   */
  static TrafficManagerPath parse(String path) {
    String text = path == null ? "" : path.trim();
    String[] parts = text.split("/", -1);
    if (text.regionMatches(true, 0, "/subscriptions/", 0, "/subscriptions/".length())
        && parts.length == 9
        && parts[3].equalsIgnoreCase("resourceGroups")
        && parts[7].equalsIgnoreCase("trafficManagerProfiles")) {
      return of(path, parts[2], parts[4], parts[8]);
    }
    if (parts.length == 3) {
      return of(path, parts[0], parts[1], parts[2]);
    }
    throw invalid(path);
  }

  private static TrafficManagerPath of(
      String path, String subscription, String resourceGroup, String profile) {
    if (subscription.isBlank() || resourceGroup.isBlank() || profile.isBlank()) {
      throw invalid(path);
    }
    return new TrafficManagerPath(subscription, resourceGroup, profile);
  }

  private static CutoverException invalid(String path) {
    return new CutoverException(
        "record 'trafficmanager:"
            + path
            + "': expected trafficmanager:SUBSCRIPTION/RESOURCE_GROUP/PROFILE",
        "e.g. trafficmanager:00000000-0000-0000-0000-000000000000/rg-staging/tm-staging",
        false,
        null);
  }

  /** {@code SUBSCRIPTION/RESOURCE_GROUP/PROFILE}, as messages name it. */
  @Override
  public String toString() {
    return subscription + "/" + resourceGroup + "/" + profile;
  }
}
