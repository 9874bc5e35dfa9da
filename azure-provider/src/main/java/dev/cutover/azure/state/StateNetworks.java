package dev.cutover.azure.state;

import static dev.cutover.azure.state.StateSupport.both;

import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.azure.canonical.AzureSubnets;
import dev.cutover.azure.canonical.NsgRules;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code azurerm_virtual_network} (with inline {@code subnet} blocks), {@code azurerm_subnet},
 * {@code azurerm_network_security_group} (with inline {@code security_rule} blocks) and {@code
 * azurerm_network_security_rule}, as the hashicorp/azurerm provider writes them.
 */
final class StateNetworks {

  static final String VNET = "azurerm_virtual_network";
  static final String SUBNET = "azurerm_subnet";
  static final String NSG = "azurerm_network_security_group";
  static final String NSG_RULE = "azurerm_network_security_rule";

  private StateNetworks() {}

  /**
   * Networks and subnets. An inline subnet block without an {@code id} (azurerm 2.x) gets the ARM
   * id {@code <vnet id>/subnets/<name>}; a subnet both inline and as {@code azurerm_subnet} is
   * mapped once, from the {@code azurerm_subnet}. Subnets are regional: {@code zone} is null; their
   * region is the network's when the network is in the state.
   */
  static List<Resource> networks(List<StateResource> vnets, List<StateResource> subnets) {
    List<Resource> resources = new ArrayList<>();
    Map<String, Subnet> subnetsById = new LinkedHashMap<>();
    Map<String, String> regionOfVnet = new LinkedHashMap<>();
    StateSupport.each(
        vnets,
        vnet -> {
          ResourceMeta meta = StateSupport.meta(vnet);
          regionOfVnet.put(meta.idKey(), meta.region());
          resources.add(new Network(meta, canonical(vnet.strings("address_space"))));
          for (Map<String, Object> block : vnet.blocks("subnet")) {
            String name = Attributes.string(block, "name");
            if (name == null) {
              continue;
            }
            String id = Attributes.string(block, "id");
            String subnetId = id != null ? id : meta.id() + "/subnets/" + name;
            ResourceMeta subnetMeta =
                new ResourceMeta(
                    meta.cloud(), subnetId, name, meta.address(), VNET, meta.region(), Map.of());
            subnetsById.put(
                subnetMeta.idKey(),
                AzureSubnets.subnet(
                    subnetMeta, meta.id(), both(block, "address_prefix", "address_prefixes")));
          }
        });
    StateSupport.each(
        subnets,
        subnet -> {
          ResourceMeta meta = StateSupport.meta(subnet);
          String network = AzureIds.parent(meta.id(), "subnets");
          String region =
              network == null ? null : regionOfVnet.get(network.toLowerCase(Locale.ROOT));
          subnetsById.put(
              meta.idKey(),
              AzureSubnets.subnet(
                  meta.withRegion(region),
                  network,
                  both(subnet.attributes(), "address_prefix", "address_prefixes")));
        });
    resources.addAll(subnetsById.values());
    return resources;
  }

  /**
   * NSGs with their rules and Azure's six default rules. An {@code azurerm_network_security_rule}
   * joins the NSG of its {@code network_security_group_name} and {@code resource_group_name}; when
   * that NSG is not in the state, the rules form a group of their own keyed by the NSG id derived
   * from the rule's id (also with the default rules, which every NSG has).
   */
  static List<Resource> securityGroups(List<StateResource> groups, List<StateResource> rules) {
    Map<String, ResourceMeta> metas = new LinkedHashMap<>();
    Map<String, List<FirewallRule>> rulesOf = new LinkedHashMap<>();
    Map<String, String> groupByName = new LinkedHashMap<>();
    StateSupport.each(
        groups,
        group -> {
          ResourceMeta meta = StateSupport.meta(group);
          metas.put(meta.idKey(), meta);
          List<FirewallRule> all = new ArrayList<>(NsgRules.defaults());
          for (Map<String, Object> block : group.blocks("security_rule")) {
            all.addAll(NsgRules.expand(spec(block), false));
          }
          rulesOf.put(meta.idKey(), all);
          groupByName.put(
              nameKey(group.string("resource_group_name"), group.string("name")), meta.idKey());
        });
    StateSupport.each(
        rules,
        rule -> {
          String key =
              groupByName.get(
                  nameKey(
                      rule.string("resource_group_name"),
                      rule.string("network_security_group_name")));
          if (key == null) {
            String nsgId = AzureIds.parent(rule.string("id"), "securityRules");
            if (nsgId == null) {
              return;
            }
            ResourceMeta meta = StateSupport.parentMeta(nsgId, NSG);
            key = meta.idKey();
            if (metas.putIfAbsent(key, meta) == null) {
              rulesOf.put(key, new ArrayList<>(NsgRules.defaults()));
            }
          }
          rulesOf.get(key).addAll(NsgRules.expand(spec(rule.attributes()), false));
        });
    List<Resource> resources = new ArrayList<>();
    metas.forEach((key, meta) -> resources.add(new FirewallRuleSet(meta, null, rulesOf.get(key))));
    return resources;
  }

  /** An inline {@code security_rule} block or an {@code azurerm_network_security_rule}. */
  static NsgRules.Spec spec(Map<String, Object> rule) {
    return new NsgRules.Spec(
        Attributes.string(rule, "name"),
        Attributes.string(rule, "description"),
        Attributes.integer(rule, "priority"),
        Attributes.string(rule, "direction"),
        Attributes.string(rule, "access"),
        Attributes.string(rule, "protocol"),
        both(rule, "source_address_prefix", "source_address_prefixes"),
        Attributes.strings(rule, "source_application_security_group_ids"),
        both(rule, "destination_address_prefix", "destination_address_prefixes"),
        Attributes.strings(rule, "destination_application_security_group_ids"),
        both(rule, "source_port_range", "source_port_ranges"),
        both(rule, "destination_port_range", "destination_port_ranges"));
  }

  private static List<String> canonical(List<String> cidrs) {
    return cidrs.stream().map(Cidrs::canonical).toList();
  }

  private static String nameKey(String resourceGroup, String name) {
    return (resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
  }
}
