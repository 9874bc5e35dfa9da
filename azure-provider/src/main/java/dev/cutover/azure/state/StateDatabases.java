package dev.cutover.azure.state;

import static dev.cutover.azure.state.StateSupport.first;

import dev.cutover.azure.canonical.AzureDatabases;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code azurerm_postgresql_flexible_server}, and {@code azurerm_mssql_database} with the settings
 * of its {@code azurerm_mssql_server} (version, {@code minimum_tls_version}, public network
 * access), as the hashicorp/azurerm provider writes them. Passwords never leave the state reader.
 */
final class StateDatabases {

  static final String POSTGRES = "azurerm_postgresql_flexible_server";
  static final String SQL_SERVER = "azurerm_mssql_server";
  static final String SQL_DATABASE = "azurerm_mssql_database";

  private StateDatabases() {}

  /**
   * PostgreSQL Flexible Servers: {@code storage_mb} / 1024 as GiB; HA on when a {@code
   * high_availability} block has a mode other than {@code Disabled}.
   */
  static List<Resource> postgres(List<StateResource> servers) {
    List<Resource> resources = new ArrayList<>();
    StateSupport.each(
        servers,
        server -> {
          Integer storageMb = server.integer("storage_mb");
          String haMode =
              Attributes.string(first(server.attributes(), "high_availability"), "mode");
          resources.add(
              AzureDatabases.postgres(
                  StateSupport.meta(server),
                  server.string("version"),
                  server.string("sku_name"),
                  storageMb == null ? null : storageMb / 1024,
                  haMode != null && !haMode.equalsIgnoreCase("Disabled"),
                  server.integer("backup_retention_days"),
                  server.bool("public_network_access_enabled")));
        });
    return resources;
  }

  /**
   * One database per {@code azurerm_mssql_database}; the region, version, TLS and public access
   * come from its server when the server is in the state. Backup retention is the {@code
   * short_term_retention_policy}'s {@code retention_days}; encryption {@code
   * transparent_data_encryption_enabled}.
   */
  static List<Resource> sql(List<StateResource> servers, List<StateResource> databases) {
    Map<String, StateResource> serversById = new LinkedHashMap<>();
    StateSupport.each(
        servers, server -> serversById.put(server.string("id").toLowerCase(Locale.ROOT), server));
    List<Resource> resources = new ArrayList<>();
    StateSupport.each(
        databases,
        database -> {
          String serverId = database.string("server_id");
          StateResource server =
              serverId == null ? null : serversById.get(serverId.toLowerCase(Locale.ROOT));
          ResourceMeta meta = StateSupport.meta(database);
          if (server != null && meta.region() == null) {
            meta = meta.withRegion(server.string("location"));
          }
          resources.add(
              AzureDatabases.sql(
                  meta,
                  server == null ? null : server.string("version"),
                  database.string("sku_name"),
                  database.integer("max_size_gb"),
                  database.bool("zone_redundant"),
                  Attributes.integer(
                      first(database.attributes(), "short_term_retention_policy"),
                      "retention_days"),
                  database.bool("transparent_data_encryption_enabled"),
                  server == null ? null : server.string("minimum_tls_version"),
                  server == null ? null : server.bool("public_network_access_enabled"),
                  server != null));
        });
    return resources;
  }
}
