package dev.cutover.azure;

import static dev.cutover.azure.ArmPages.text;

import com.azure.resourcemanager.postgresqlflexibleserver.PostgreSqlManager;
import com.azure.resourcemanager.postgresqlflexibleserver.models.HighAvailabilityMode;
import com.azure.resourcemanager.postgresqlflexibleserver.models.Server;
import com.azure.resourcemanager.postgresqlflexibleserver.models.ServerPublicNetworkAccessState;
import com.azure.resourcemanager.sql.fluent.SqlManagementClient;
import com.azure.resourcemanager.sql.fluent.models.DatabaseInner;
import com.azure.resourcemanager.sql.fluent.models.ServerInner;
import com.azure.resourcemanager.sql.models.ServerNetworkAccessFlag;
import dev.cutover.azure.canonical.AzureDatabases;
import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * PostgreSQL Flexible Servers ({@code azure-resourcemanager-postgresqlflexibleserver}: {@code
 * Servers_List[ByResourceGroup]}) and Azure SQL databases ({@code azure-resourcemanager-sql}: one
 * {@code Servers_List[ByResourceGroup]}, then one paginated {@code Databases_ListByServer} per
 * server; never one call per database, as estates run 1,000+ databases).
 *
 * <p>Per-database settings that ARM serves only through a call per database (short-term backup
 * retention, transparent data encryption) are left null: unknown, not false.
 */
final class LiveDatabases {

  static final String POSTGRES_TYPE = "Microsoft.DBforPostgreSQL/flexibleServers";
  static final String SQL_DATABASE_TYPE = "Microsoft.Sql/servers/databases";

  private static final long BYTES_PER_GIB = 1024L * 1024 * 1024;

  private final ArmPages pages;

  LiveDatabases(ArmPages pages) {
    this.pages = pages;
  }

  void postgres(PostgreSqlManager manager, Consumer<Resource> sink) {
    pages.inScope(
        "list PostgreSQL flexible servers",
        "Microsoft.DBforPostgreSQL/flexibleServers/read",
        manager.servers()::list,
        manager.servers()::listByResourceGroup,
        server -> sink.accept(postgres(server)));
  }

  /**
   * SQL databases of every logical server in scope, without the {@code master} system database
   * (never managed by Terraform).
   */
  void sql(SqlManagementClient client, Consumer<Resource> sink) {
    List<ServerInner> servers = new ArrayList<>();
    pages.inScope(
        "list SQL servers",
        "Microsoft.Sql/servers/read",
        client.getServers()::list,
        client.getServers()::listByResourceGroup,
        servers::add);
    for (ServerInner server : servers) {
      String serverGroup = AzureIds.resourceGroup(server.id());
      pages.each(
          "list databases of SQL server " + server.name(),
          "Microsoft.Sql/servers/databases/read",
          () -> client.getDatabases().listByServer(serverGroup, server.name()),
          database -> {
            if (!isSystem(database)) {
              sink.accept(sql(server, database));
            }
          });
    }
  }

  private static Resource postgres(Server server) {
    Integer storage = server.storage() == null ? null : server.storage().storageSizeGB();
    HighAvailabilityMode ha =
        server.highAvailability() == null ? null : server.highAvailability().mode();
    return AzureDatabases.postgres(
        ArmPages.meta(server.id(), server.name(), POSTGRES_TYPE, server.location(), server.tags()),
        text(server.version()),
        server.sku() == null ? null : server.sku().name(),
        storage,
        ha != null && !HighAvailabilityMode.DISABLED.equals(ha),
        server.backup() == null ? null : server.backup().backupRetentionDays(),
        server.network() == null
            ? null
            : ServerPublicNetworkAccessState.ENABLED.equals(
                server.network().publicNetworkAccess()));
  }

  private static Resource sql(ServerInner server, DatabaseInner database) {
    String objective = database.currentServiceObjectiveName();
    if (objective == null) {
      objective = database.requestedServiceObjectiveName();
    }
    if (objective == null && database.sku() != null) {
      objective = database.sku().name();
    }
    return AzureDatabases.sql(
        ArmPages.meta(
            database.id(),
            database.name(),
            SQL_DATABASE_TYPE,
            database.location(),
            database.tags()),
        server.version(),
        objective,
        database.maxSizeBytes() == null
            ? null
            : Math.toIntExact(database.maxSizeBytes() / BYTES_PER_GIB),
        database.zoneRedundant(),
        null,
        null,
        server.minimalTlsVersion(),
        server.publicNetworkAccess() == null
            ? null
            : ServerNetworkAccessFlag.ENABLED.equals(server.publicNetworkAccess()),
        true);
  }

  private static boolean isSystem(DatabaseInner database) {
    String kind = database.kind() == null ? "" : database.kind().toLowerCase(Locale.ROOT);
    return "master".equalsIgnoreCase(database.name()) || kind.contains("system");
  }
}
