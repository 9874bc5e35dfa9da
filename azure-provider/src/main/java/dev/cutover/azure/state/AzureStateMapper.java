package dev.cutover.azure.state;

import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the hashicorp/azurerm provider's resource types to canonical resources (attribute names as
 * in the provider's documentation, registry.terraform.io/providers/hashicorp/azurerm/latest/docs):
 *
 * <ul>
 *   <li>network/subnet: {@code azurerm_virtual_network} (inline {@code subnet} blocks), {@code
 *       azurerm_subnet};
 *   <li>firewall: {@code azurerm_network_security_group} (inline {@code security_rule}), {@code
 *       azurerm_network_security_rule} merged into its NSG, plus the NSG default rules;
 *   <li>load_balancer: {@code azurerm_application_gateway}; {@code azurerm_lb} with {@code
 *       azurerm_lb_rule} and {@code azurerm_lb_probe};
 *   <li>database: {@code azurerm_postgresql_flexible_server}; {@code azurerm_mssql_database} with
 *       {@code azurerm_mssql_server};
 *   <li>dns_record_set: {@code azurerm_traffic_manager_profile} with {@code
 *       azurerm_traffic_manager_external_endpoint}/{@code _azure_endpoint}; {@code
 *       azurerm_dns_a_record}, {@code azurerm_dns_cname_record}.
 * </ul>
 *
 * <p>Ids are ARM ids as the state holds them; names the resource names; {@code nativeType} the
 * Terraform type. Instances without an {@code id} are skipped; missing attributes become null.
 */
public final class AzureStateMapper implements StateMapper {

  private static final Set<String> TYPES =
      Set.of(
          StateNetworks.VNET,
          StateNetworks.SUBNET,
          StateNetworks.NSG,
          StateNetworks.NSG_RULE,
          StateLoadBalancers.APP_GATEWAY,
          StateLoadBalancers.LB,
          StateLoadBalancers.LB_RULE,
          StateLoadBalancers.LB_PROBE,
          StateDatabases.POSTGRES,
          StateDatabases.SQL_SERVER,
          StateDatabases.SQL_DATABASE,
          StateDns.PROFILE,
          StateDns.EXTERNAL_ENDPOINT,
          StateDns.AZURE_ENDPOINT,
          StateDns.A_RECORD,
          StateDns.CNAME_RECORD);

  @Override
  public boolean handles(String terraformType) {
    return TYPES.contains(terraformType);
  }

  @Override
  public List<Resource> map(List<StateResource> instances) {
    Map<String, List<StateResource>> byType = new LinkedHashMap<>();
    TYPES.forEach(type -> byType.put(type, new ArrayList<>()));
    for (StateResource instance : instances) {
      List<StateResource> ofType = byType.get(instance.type());
      if (ofType != null) {
        ofType.add(instance);
      }
    }
    List<Resource> resources = new ArrayList<>();
    resources.addAll(
        StateNetworks.networks(byType.get(StateNetworks.VNET), byType.get(StateNetworks.SUBNET)));
    resources.addAll(
        StateNetworks.securityGroups(
            byType.get(StateNetworks.NSG), byType.get(StateNetworks.NSG_RULE)));
    resources.addAll(StateLoadBalancers.appGateways(byType.get(StateLoadBalancers.APP_GATEWAY)));
    resources.addAll(
        StateLoadBalancers.loadBalancers(
            byType.get(StateLoadBalancers.LB),
            byType.get(StateLoadBalancers.LB_RULE),
            byType.get(StateLoadBalancers.LB_PROBE)));
    resources.addAll(StateDatabases.postgres(byType.get(StateDatabases.POSTGRES)));
    resources.addAll(
        StateDatabases.sql(
            byType.get(StateDatabases.SQL_SERVER), byType.get(StateDatabases.SQL_DATABASE)));
    List<StateResource> endpoints = new ArrayList<>(byType.get(StateDns.EXTERNAL_ENDPOINT));
    endpoints.addAll(byType.get(StateDns.AZURE_ENDPOINT));
    resources.addAll(StateDns.trafficManager(byType.get(StateDns.PROFILE), endpoints));
    List<StateResource> records = new ArrayList<>(byType.get(StateDns.A_RECORD));
    records.addAll(byType.get(StateDns.CNAME_RECORD));
    resources.addAll(StateDns.records(records));
    return resources;
  }
}
