package dev.cutover.azure;

import static dev.cutover.azure.ArmPages.text;

import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.network.fluent.models.ApplicationSecurityGroupInner;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import dev.cutover.azure.canonical.AzureSubnets;
import dev.cutover.azure.canonical.NsgRules;
import dev.cutover.core.model.Cidrs;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Virtual networks (with their subnets) and network security groups (with their default rules)
 * through {@code azure-resourcemanager-network}: one paginated list per subscription or resource
 * group ({@code VirtualNetworks_List[All]}, {@code NetworkSecurityGroups_List[All]}).
 */
final class LiveNetworks {

  static final String VNET_TYPE = "Microsoft.Network/virtualNetworks";
  static final String SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";
  static final String NSG_TYPE = "Microsoft.Network/networkSecurityGroups";

  private final NetworkManagementClient client;
  private final ArmPages pages;

  LiveNetworks(NetworkManagementClient client, ArmPages pages) {
    this.client = client;
    this.pages = pages;
  }

  /** Networks and/or subnets: subnets come inside their network, one call serves both. */
  void virtualNetworks(boolean networks, boolean subnets, Consumer<Resource> sink) {
    pages.inScope(
        "list virtual networks",
        "Microsoft.Network/virtualNetworks/read",
        client.getVirtualNetworks()::list,
        client.getVirtualNetworks()::listByResourceGroup,
        vnet -> {
          if (networks) {
            sink.accept(network(vnet));
          }
          if (subnets && vnet.subnets() != null) {
            vnet.subnets().forEach(subnet -> sink.accept(subnet(vnet, subnet)));
          }
        });
  }

  void securityGroups(Consumer<Resource> sink) {
    pages.inScope(
        "list network security groups",
        "Microsoft.Network/networkSecurityGroups/read",
        client.getNetworkSecurityGroups()::list,
        client.getNetworkSecurityGroups()::listByResourceGroup,
        nsg -> {
          List<FirewallRule> rules = new ArrayList<>();
          expand(nsg.defaultSecurityRules(), true, rules);
          expand(nsg.securityRules(), false, rules);
          sink.accept(
              new FirewallRuleSet(
                  ArmPages.meta(nsg.id(), nsg.name(), NSG_TYPE, nsg.location(), nsg.tags()),
                  null,
                  rules));
        });
  }

  private static Network network(VirtualNetworkInner vnet) {
    List<String> prefixes =
        vnet.addressSpace() == null || vnet.addressSpace().addressPrefixes() == null
            ? List.of()
            : vnet.addressSpace().addressPrefixes();
    return new Network(
        ArmPages.meta(vnet.id(), vnet.name(), VNET_TYPE, vnet.location(), vnet.tags()),
        prefixes.stream().map(Cidrs::canonical).toList());
  }

  private static Subnet subnet(VirtualNetworkInner vnet, SubnetInner subnet) {
    return AzureSubnets.subnet(
        ArmPages.meta(subnet.id(), subnet.name(), SUBNET_TYPE, vnet.location(), Map.of()),
        vnet.id(),
        joined(subnet.addressPrefix(), subnet.addressPrefixes()));
  }

  private static void expand(
      List<SecurityRuleInner> rules, boolean builtin, List<FirewallRule> into) {
    if (rules == null) {
      return;
    }
    for (SecurityRuleInner rule : rules) {
      into.addAll(
          NsgRules.expand(
              new NsgRules.Spec(
                  rule.name(),
                  rule.description(),
                  rule.priority(),
                  text(rule.direction()),
                  text(rule.access()),
                  text(rule.protocol()),
                  joined(rule.sourceAddressPrefix(), rule.sourceAddressPrefixes()),
                  asgIds(rule.sourceApplicationSecurityGroups()),
                  joined(rule.destinationAddressPrefix(), rule.destinationAddressPrefixes()),
                  asgIds(rule.destinationApplicationSecurityGroups()),
                  joined(rule.sourcePortRange(), rule.sourcePortRanges()),
                  joined(rule.destinationPortRange(), rule.destinationPortRanges())),
              builtin));
    }
  }

  private static List<String> joined(String one, List<String> many) {
    List<String> all = new ArrayList<>();
    if (one != null) {
      all.add(one);
    }
    if (many != null) {
      many.stream().filter(v -> !all.contains(v)).forEach(all::add);
    }
    return all;
  }

  private static List<String> asgIds(List<ApplicationSecurityGroupInner> groups) {
    return groups == null
        ? List.of()
        : groups.stream().map(ApplicationSecurityGroupInner::id).toList();
  }
}
