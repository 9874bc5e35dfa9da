package dev.cutover.aws.live;

import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.Databases;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS instances and clusters of one region through the paginated {@code DescribeDBInstances} and
 * {@code DescribeDBClusters} (RDS API Reference, version 2014-10-31). An instance that belongs to a
 * cluster ({@code DBClusterIdentifier} set: Aurora and Multi-AZ DB cluster members) is left out:
 * its cluster stands for it, as {@code aws_rds_cluster} does in state. The id is the ARN, or the
 * identifier for a document that lacks the ARN (API versions before 2014).
 */
final class RdsScanner {

  private RdsScanner() {}

  static List<Resource> databases(RdsClient rds, LiveCalls calls) {
    List<Resource> databases = new ArrayList<>();
    calls.pages(
        "rds:DescribeDBInstances",
        () -> rds.describeDBInstancesPaginator(b -> {}),
        page ->
            page.dbInstances().stream()
                .filter(db -> db.dbClusterIdentifier() == null)
                .forEach(db -> databases.add(instance(db, calls.region()))));
    calls.pages(
        "rds:DescribeDBClusters",
        () -> rds.describeDBClustersPaginator(b -> {}),
        page -> page.dbClusters().forEach(db -> databases.add(cluster(db, calls.region()))));
    return databases;
  }

  private static Resource instance(DBInstance db, String region) {
    return Databases.database(
        LiveMeta.of(
            db.dbInstanceArn() != null ? db.dbInstanceArn() : db.dbInstanceIdentifier(),
            db.dbInstanceIdentifier(),
            AwsTypes.DB_INSTANCE,
            region,
            LiveMeta.tags(db.tagList(), Tag::key, Tag::value)),
        new Databases.Fields(
            db.engine(),
            db.engineVersion(),
            db.dbInstanceClass(),
            db.allocatedStorage(),
            db.multiAZ(),
            db.backupRetentionPeriod(),
            db.storageEncrypted(),
            db.publiclyAccessible()));
  }

  private static Resource cluster(DBCluster db, String region) {
    return Databases.database(
        LiveMeta.of(
            db.dbClusterArn() != null ? db.dbClusterArn() : db.dbClusterIdentifier(),
            db.dbClusterIdentifier(),
            AwsTypes.DB_CLUSTER,
            region,
            LiveMeta.tags(db.tagList(), Tag::key, Tag::value)),
        new Databases.Fields(
            db.engine(),
            db.engineVersion(),
            db.dbClusterInstanceClass(),
            db.allocatedStorage(),
            db.multiAZ(),
            db.backupRetentionPeriod(),
            db.storageEncrypted(),
            db.publiclyAccessible()));
  }
}
