package dev.cutover.aws.state;

import dev.cutover.aws.mapping.Databases;
import dev.cutover.core.model.Resource;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code aws_db_instance} and {@code aws_rds_cluster} to {@link dev.cutover.core.model.Database}
 * through {@link Databases#database}. The id is the {@code arn} when the state has it (as live),
 * else the identifier, else the instance {@code id}. The version is {@code engine_version_actual}
 * (what runs) when present, else {@code engine_version}. A cluster with a {@code
 * db_cluster_instance_class} is a Multi-AZ DB cluster (RDS User Guide, "Multi-AZ DB cluster
 * deployments"), so highly available; for other (Aurora) clusters the state does not tell (null).
 * Credentials ({@code password}, {@code master_password}) are never read; the state reader drops
 * them already.
 */
final class DatabaseStates {

  static final String INSTANCE = "aws_db_instance";
  static final String CLUSTER = "aws_rds_cluster";
  static final Set<String> TYPES = Set.of(INSTANCE, CLUSTER);

  private DatabaseStates() {}

  static List<Resource> map(List<StateResource> instances) {
    List<Resource> resources = new ArrayList<>();
    for (StateResource db : StateMeta.ofTypes(instances, TYPES)) {
      boolean cluster = db.type().equals(CLUSTER);
      String identifier = StateMeta.first(db, cluster ? "cluster_identifier" : "identifier", "id");
      String id = StateMeta.first(db, "arn");
      if (identifier == null) {
        StateMeta.skipped(db, "id");
        continue;
      }
      String instanceClass = db.string(cluster ? "db_cluster_instance_class" : "instance_class");
      Boolean highAvailability =
          cluster ? (instanceClass != null ? Boolean.TRUE : null) : db.bool("multi_az");
      resources.add(
          Databases.database(
              StateMeta.meta(db, id != null ? id : identifier, identifier),
              new Databases.Fields(
                  db.string("engine"),
                  StateMeta.first(db, "engine_version_actual", "engine_version"),
                  instanceClass,
                  db.integer("allocated_storage"),
                  highAvailability,
                  db.integer("backup_retention_period"),
                  db.bool("storage_encrypted"),
                  db.bool("publicly_accessible"))));
    }
    return resources;
  }
}
