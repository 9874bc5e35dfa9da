package dev.cutover.azure.canonical;

import java.util.Locale;

/**
 * Azure Resource Manager ids, as ARM and the azurerm provider write them: {@code
 * /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{childType}/{child}]}
 * ("Azure resource ID format", Microsoft Learn). ARM ids are case-insensitive; they are kept as
 * given and compared through {@link dev.cutover.core.model.ResourceMeta#idKey()}.
 */
public final class AzureIds {

  /** The cloud id of every Azure resource ({@link dev.cutover.core.model.ResourceMeta#cloud()}). */
  public static final String CLOUD = "azure";

  private AzureIds() {}

  /** The last segment of an id (the resource's own name); null for a null or blank id. */
  public static String name(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /**
   * The id of the parent of a child resource: {@code .../networkSecurityGroups/nsg/securityRules/r}
   * with child type {@code securityRules} gives {@code .../networkSecurityGroups/nsg}.
   *
   * @return the parent id, or null if the id has no such child segment
   */
  public static String parent(String id, String childType) {
    if (id == null) {
      return null;
    }
    String marker = "/" + childType.toLowerCase(Locale.ROOT) + "/";
    int at = id.toLowerCase(Locale.ROOT).lastIndexOf(marker);
    return at <= 0 ? null : id.substring(0, at);
  }

  /** The resource group named in an id; null if there is none. */
  public static String resourceGroup(String id) {
    return segmentAfter(id, "resourceGroups");
  }

  /** True if both are non-null and equal ignoring case (ARM names and ids). */
  public static boolean same(String a, String b) {
    return a != null && a.equalsIgnoreCase(b);
  }

  private static String segmentAfter(String id, String segment) {
    if (id == null) {
      return null;
    }
    String[] parts = id.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equalsIgnoreCase(segment)) {
        return parts[i + 1];
      }
    }
    return null;
  }
}
