package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A managed database server or instance (RDS instance or cluster, PostgreSQL Flexible Server, Azure
 * SQL database). Fields the source does not tell are null.
 *
 * @param engine {@code postgres|mysql|sqlserver|...}
 * @param engineVersion the version as the cloud reports it ({@code 15.4}, {@code 16})
 * @param instanceClass RDS instance class ({@code db.r6g.large}) or Azure SKU ({@code
 *     Standard_D4ds_v5})
 * @param vcpus virtual CPUs of the class
 * @param memoryGiB memory of the class in GiB
 * @param storageGiB allocated storage in GiB
 * @param highAvailability Multi-AZ (AWS) or zone-redundant/same-zone HA (Azure)
 * @param backupRetentionDays automated backup retention in days
 * @param storageEncrypted storage encryption at rest
 * @param publicAccess reachable from the internet (RDS {@code PubliclyAccessible}, Azure public
 *     network access)
 * @param tlsEnforced connections must use TLS (RDS parameter {@code rds.force_ssl} when known,
 *     PostgreSQL Flexible {@code require_secure_transport}, Azure SQL minimal TLS version set);
 *     null if unknown
 */
public record Database(
    @JsonUnwrapped ResourceMeta meta,
    String engine,
    String engineVersion,
    String instanceClass,
    Integer vcpus,
    Double memoryGiB,
    Integer storageGiB,
    Boolean highAvailability,
    Integer backupRetentionDays,
    Boolean storageEncrypted,
    Boolean publicAccess,
    Boolean tlsEnforced)
    implements Resource {

  public Database {
    Objects.requireNonNull(meta, "meta");
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.DATABASE;
  }

  @Override
  public Database withMeta(ResourceMeta newMeta) {
    return new Database(
        newMeta,
        engine,
        engineVersion,
        instanceClass,
        vcpus,
        memoryGiB,
        storageGiB,
        highAvailability,
        backupRetentionDays,
        storageEncrypted,
        publicAccess,
        tlsEnforced);
  }
}
