package dev.cutover.azure;

import dev.cutover.core.CutoverException;
import java.util.regex.Pattern;

/**
 * Where a live Azure scan looks: a whole subscription or one of its resource groups, written {@code
 * SUBSCRIPTION_ID[/RESOURCE_GROUP]} ({@code azure:SUB[/RG]} on the command line).
 *
 * @param subscription the subscription id, a GUID
 * @param resourceGroup the resource group name, or null for the whole subscription
 */
public record AzureLocation(String subscription, String resourceGroup) {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Resource group names: 1–90 letters, digits, underscores, hyphens, periods and parentheses, not
   * ending in a period ("Naming rules and restrictions for Azure resources", Microsoft.Resources).
   */
  private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]{0,89}[-\\w_()]");

  /**
   * Parses {@code SUBSCRIPTION_ID[/RESOURCE_GROUP]}.
   *
   * @throws CutoverException in one line naming the text and the expected form
   */
  public static AzureLocation parse(String location) {
    String text = location == null ? "" : location.trim();
    int slash = text.indexOf('/');
    String subscription = slash < 0 ? text : text.substring(0, slash);
    String group = slash < 0 ? null : text.substring(slash + 1);
    if (!GUID.matcher(subscription).matches()
        || (group != null && !RESOURCE_GROUP.matcher(group).matches())) {
      throw new CutoverException(
          "azure location '"
              + location
              + "': expected SUBSCRIPTION_ID[/RESOURCE_GROUP] (a subscription GUID, then"
              + " optionally one resource group)",
          "find the subscription id with 'az account show --query id'",
          false,
          null);
    }
    return new AzureLocation(subscription, group);
  }

  /**
   * The RBAC scope the scan reads, as role assignments name it: {@code /subscriptions/SUB} or
   * {@code /subscriptions/SUB/resourceGroups/RG}.
   */
  public String scope() {
    return "/subscriptions/"
        + subscription
        + (resourceGroup == null ? "" : "/resourceGroups/" + resourceGroup);
  }

  @Override
  public String toString() {
    return resourceGroup == null ? subscription : subscription + "/" + resourceGroup;
  }
}
