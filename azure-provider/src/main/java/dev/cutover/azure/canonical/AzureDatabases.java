package dev.cutover.azure.canonical;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.ResourceMeta;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL Flexible Servers and Azure SQL databases as canonical {@link Database}s, the same way
 * from Terraform state and from the ARM API. vCPUs and memory come from {@link AzureSkus}.
 */
public final class AzureDatabases {

  private AzureDatabases() {}

  /**
   * A PostgreSQL Flexible Server.
   *
   * <p>{@code instanceClass} is the ARM SKU name ({@code Standard_D4ds_v5}; Terraform's {@code
   * GP_Standard_D4ds_v5} loses its tier prefix). Storage is always encrypted at rest ("Data
   * encryption", learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption:
   * data is encrypted with service-managed or customer-managed keys, never unencrypted), so {@code
   * storageEncrypted} is true. {@code tlsEnforced} is null: it is the server parameter {@code
   * require_secure_transport}, read by neither side.
   *
   * @param version the major version ({@code 16})
   * @param storageGiB allocated storage in GiB
   * @param highAvailability HA mode other than {@code Disabled}
   * @param publicAccess public network access enabled
   */
  public static Database postgres(
      ResourceMeta meta,
      String version,
      String sku,
      Integer storageGiB,
      Boolean highAvailability,
      Integer backupRetentionDays,
      Boolean publicAccess) {
    String instanceClass = AzureSkus.postgresSkuName(sku);
    Optional<AzureSkus.Sku> figures = AzureSkus.lookup(instanceClass);
    return new Database(
        meta,
        "postgres",
        version,
        instanceClass,
        figures.map(AzureSkus.Sku::vcpus).orElse(null),
        figures.map(AzureSkus.Sku::memoryGiB).orElse(null),
        storageGiB,
        highAvailability,
        backupRetentionDays,
        true,
        publicAccess,
        null);
  }

  /**
   * An Azure SQL database; server-wide settings come from its logical server (null when the server
   * is unknown).
   *
   * @param serverVersion the logical server's version ({@code 12.0})
   * @param serviceObjective {@code GP_Gen5_2}, {@code S0}, {@code ElasticPool}, ...
   * @param maxSizeGiB maximum size in GiB
   * @param zoneRedundant zone-redundant configuration
   * @param backupRetentionDays point-in-time restore retention in days, or null if unknown
   * @param storageEncrypted transparent data encryption, or null if unknown
   * @param minimalTlsVersion the server's minimal TLS version ({@code 1.2}); {@code None}/{@code
   *     Disabled} mean no minimum ("Connectivity settings", learn.microsoft.com/azure/azure-sql/
   *     database/connectivity-settings#minimal-tls-version)
   * @param publicAccess the server's public network access
   * @param serverKnown false when the logical server is not known (a database in a state without
   *     its server): {@code tlsEnforced} is then null
   */
  public static Database sql(
      ResourceMeta meta,
      String serverVersion,
      String serviceObjective,
      Integer maxSizeGiB,
      Boolean zoneRedundant,
      Integer backupRetentionDays,
      Boolean storageEncrypted,
      String minimalTlsVersion,
      Boolean publicAccess,
      boolean serverKnown) {
    Optional<AzureSkus.Sku> figures = AzureSkus.lookup(serviceObjective);
    return new Database(
        meta,
        "sqlserver",
        serverVersion,
        serviceObjective,
        figures.map(AzureSkus.Sku::vcpus).orElse(null),
        figures.map(AzureSkus.Sku::memoryGiB).orElse(null),
        maxSizeGiB,
        zoneRedundant,
        backupRetentionDays,
        storageEncrypted,
        publicAccess,
        serverKnown ? tlsMinimumSet(minimalTlsVersion) : null);
  }

  private static boolean tlsMinimumSet(String minimalTlsVersion) {
    if (minimalTlsVersion == null || minimalTlsVersion.isBlank()) {
      return false;
    }
    String value = minimalTlsVersion.trim().toLowerCase(Locale.ROOT);
    return !value.equals("none") && !value.equals("disabled");
  }
}
