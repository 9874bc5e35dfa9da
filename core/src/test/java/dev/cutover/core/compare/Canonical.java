package dev.cutover.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.core.model.Action;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Canonical test resources, built the way the provider mappers build them. */
final class Canonical {

  static final String AWS = "aws";
  static final String AZURE = "azure";
  static final String NSG_PREFIX =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-staging/providers/"
          + "Microsoft.Network/networkSecurityGroups/";

  private Canonical() {}

  static ResourceMeta meta(String cloud, String id, String name) {
    return ResourceMeta.of(cloud, id, name, cloud.equals(AWS) ? "aws_security_group" : null);
  }

  static ResourceMeta meta(String cloud, String id, String name, Map<String, String> tags) {
    return new ResourceMeta(cloud, id, name, null, null, null, tags);
  }

  static Inventory inventory(String source, Resource... resources) {
    return new Inventory(source, List.of(resources));
  }

  static Network network(String cloud, String id, String name, String... cidrs) {
    return new Network(meta(cloud, id, name), List.of(cidrs));
  }

  /** An AWS security group: allow rules, no priorities. */
  static FirewallRuleSet sg(String id, String name, FirewallRule... rules) {
    return new FirewallRuleSet(meta(AWS, id, name), "vpc-0a1b2c", List.of(rules));
  }

  static FirewallRule in(String protocol, Integer from, Integer to, String peer) {
    return FirewallRule.allow(Direction.INGRESS, protocol, from, to, peer);
  }

  static FirewallRule out(String protocol, Integer from, Integer to, String peer) {
    return FirewallRule.allow(Direction.EGRESS, protocol, from, to, peer);
  }

  /** An NSG with the given user rules and the six default rules of the real API document. */
  static FirewallRuleSet nsg(String name, FirewallRule... rules) {
    List<FirewallRule> all = new ArrayList<>(List.of(rules));
    all.addAll(nsgDefaultRules());
    return new FirewallRuleSet(meta(AZURE, NSG_PREFIX + name, name), null, all);
  }

  /** An NSG user rule (peer as the Azure mapper writes it; local null). */
  static FirewallRule nsgRule(
      String name,
      int priority,
      Direction direction,
      Action action,
      String protocol,
      Integer from,
      Integer to,
      String peer) {
    return new FirewallRule(
        direction, action, protocol, from, to, peer, priority, name, null, null, false);
  }

  static FirewallRule allowIn(
      String name, int priority, String protocol, Integer port, String peer) {
    return nsgRule(name, priority, Direction.INGRESS, Action.ALLOW, protocol, port, port, peer);
  }

  static FirewallRule denyIn(
      String name, int priority, String protocol, Integer port, String peer) {
    return nsgRule(name, priority, Direction.INGRESS, Action.DENY, protocol, port, port, peer);
  }

  /**
   * The NSG of the real {@code NetworkSecurityGroupGet.json} example (azure-rest-api-specs), mapped
   * as the Azure conventions say: {@code securityRules} as user rules, {@code defaultSecurityRules}
   * as builtin ones.
   *
   * @param withDefaults include the default rules (live does; a state mapper may not)
   */
  static FirewallRuleSet realNsg(boolean withDefaults) {
    JsonNode body = document().path("responses").path("200").path("body");
    List<FirewallRule> rules =
        new ArrayList<>(rules(body.path("properties").path("securityRules"), false));
    if (withDefaults) {
      rules.addAll(rules(body.path("properties").path("defaultSecurityRules"), true));
    }
    return new FirewallRuleSet(
        meta(AZURE, body.path("id").asText(), body.path("name").asText()), null, rules);
  }

  static List<FirewallRule> nsgDefaultRules() {
    return rules(
        document()
            .path("responses")
            .path("200")
            .path("body")
            .path("properties")
            .path("defaultSecurityRules"),
        true);
  }

  private static JsonNode document() {
    try (InputStream in =
        Canonical.class.getResourceAsStream("/azure/NetworkSecurityGroupGet.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * NSG rules to canonical rules: peer = source prefix for Inbound, destination for Outbound;
   * {@code *} -> 0.0.0.0/0; a service tag -> {@code tag:<Name>}; port {@code *} -> 0–65535.
   * Protocol {@code *} with a port range matches TCP and UDP on those ports, so it becomes one rule
   * each.
   */
  private static List<FirewallRule> rules(JsonNode list, boolean builtin) {
    List<FirewallRule> rules = new ArrayList<>();
    for (JsonNode rule : list) {
      JsonNode p = rule.path("properties");
      Direction direction = Direction.parse(p.path("direction").asText());
      boolean inbound = direction == Direction.INGRESS;
      String peer =
          prefix(p.path(inbound ? "sourceAddressPrefix" : "destinationAddressPrefix").asText());
      String local =
          prefix(p.path(inbound ? "destinationAddressPrefix" : "sourceAddressPrefix").asText());
      String ports = p.path("destinationPortRange").asText();
      int from = ports.equals("*") ? 0 : Integer.parseInt(ports.split("-")[0]);
      int to =
          ports.equals("*")
              ? 65535
              : Integer.parseInt(ports.contains("-") ? ports.split("-")[1] : ports);
      String protocol = p.path("protocol").asText();
      List<String> protocols =
          protocol.equals("*") && !ports.equals("*") ? List.of("tcp", "udp") : List.of(protocol);
      for (String proto : protocols) {
        rules.add(
            new FirewallRule(
                direction,
                Action.parse(p.path("access").asText()),
                proto,
                from,
                to,
                peer,
                p.path("priority").asInt(),
                rule.path("name").asText(),
                p.path("description").asText(null),
                local.equals("0.0.0.0/0") ? null : local,
                builtin));
      }
    }
    return rules;
  }

  private static String prefix(String prefix) {
    if (prefix.equals("*") || prefix.equalsIgnoreCase("Any")) {
      return "0.0.0.0/0";
    }
    return prefix.matches("[0-9a-fA-F:.]+(/\\d+)?") ? prefix : "tag:" + prefix;
  }
}
