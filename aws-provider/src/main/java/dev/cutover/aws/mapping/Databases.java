package dev.cutover.aws.mapping;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.ResourceMeta;
import java.util.Locale;

/**
 * Canonical databases from RDS instances and clusters, the same way for Terraform state and for
 * {@code DescribeDBInstances}/{@code DescribeDBClusters}.
 */
public final class Databases {

  private Databases() {}

  /**
   * The RDS fields a {@link Database} is made of, as state or API give them.
   *
   * @param engine the RDS engine ({@code postgres}, {@code aurora-postgresql}, {@code
   *     sqlserver-ee})
   * @param engineVersion the version as RDS reports it
   * @param instanceClass the DB instance class (for a Multi-AZ DB cluster, its {@code
   *     DBClusterInstanceClass}); null for Aurora clusters, whose instances carry the classes
   * @param storageGiB allocated storage in GiB
   * @param multiAz Multi-AZ deployment
   * @param backupRetentionDays automated backup retention in days
   * @param storageEncrypted storage encryption at rest
   * @param publiclyAccessible {@code PubliclyAccessible}
   */
  public record Fields(
      String engine,
      String engineVersion,
      String instanceClass,
      Integer storageGiB,
      Boolean multiAz,
      Integer backupRetentionDays,
      Boolean storageEncrypted,
      Boolean publiclyAccessible) {}

  /**
   * The canonical database: engine as {@link #engine(String)}, vCPUs and memory from {@link
   * RdsInstanceClasses} (null for an unknown class), storage null for Aurora (RDS API Reference,
   * "DBCluster": for Aurora, {@code AllocatedStorage} always returns 1, as storage grows by
   * itself), TLS enforcement null (it lives in the parameter group, which is not read).
   */
  public static Database database(ResourceMeta meta, Fields fields) {
    var spec = RdsInstanceClasses.lookup(fields.instanceClass());
    boolean aurora = fields.engine() != null && fields.engine().startsWith("aurora");
    return new Database(
        meta,
        engine(fields.engine()),
        fields.engineVersion(),
        fields.instanceClass(),
        spec.map(RdsInstanceClasses.Spec::vcpus).orElse(null),
        spec.map(RdsInstanceClasses.Spec::memoryGiB).orElse(null),
        aurora ? null : fields.storageGiB(),
        fields.multiAz(),
        fields.backupRetentionDays(),
        fields.storageEncrypted(),
        fields.publiclyAccessible(),
        null);
  }

  /**
   * The engine family of an RDS engine name (RDS API Reference, "CreateDBInstance", {@code
   * Engine}): {@code aurora-postgresql} is {@code postgres}, {@code aurora-mysql} (and the legacy
   * {@code aurora}) {@code mysql}, {@code sqlserver-ee|se|ex|web} {@code sqlserver}, {@code
   * oracle-*} {@code oracle}, {@code db2-*} {@code db2}, a {@code custom-} prefix dropped; others
   * lower case as given. Whether a cluster is Aurora stays visible in its {@code nativeType}.
   */
  public static String engine(String rdsEngine) {
    if (rdsEngine == null || rdsEngine.isBlank()) {
      return null;
    }
    String engine = rdsEngine.trim().toLowerCase(Locale.ROOT);
    if (engine.startsWith("custom-")) {
      engine = engine.substring("custom-".length());
    }
    if (engine.equals("aurora-postgresql")) {
      return "postgres";
    }
    if (engine.equals("aurora") || engine.equals("aurora-mysql")) {
      return "mysql";
    }
    for (String family : new String[] {"sqlserver", "oracle", "db2"}) {
      if (engine.startsWith(family + "-")) {
        return family;
      }
    }
    return engine;
  }
}
