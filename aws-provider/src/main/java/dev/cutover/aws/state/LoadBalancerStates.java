package dev.cutover.aws.state;

import dev.cutover.aws.mapping.Arns;
import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.LoadBalancers;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_lb}/{@code aws_alb}, {@code aws_lb_listener}/{@code aws_alb_listener}, {@code
 * aws_lb_listener_rule}/{@code aws_alb_listener_rule} and {@code aws_lb_target_group}/{@code
 * aws_alb_target_group} merged into one {@link dev.cutover.core.model.LoadBalancer} per load
 * balancer through {@link LoadBalancers#assemble}. Attributes as the Terraform AWS provider writes
 * them: {@code internal}, {@code load_balancer_type}, {@code idle_timeout}, {@code
 * enable_deletion_protection}; listener {@code protocol}, {@code port}, {@code ssl_policy}, {@code
 * certificate_arn}, {@code default_action}; rule {@code priority}, {@code action}, {@code
 * condition} ({@code host_header}/{@code path_pattern} blocks, or the pre-2.42 {@code field}/{@code
 * values} form); target group {@code health_check}. Listeners and rules of a load balancer that is
 * not in the state make a load balancer of their own, keyed by the ARN they name, its type read
 * from that ARN ({@code app}, {@code net}, {@code gwy}).
 */
final class LoadBalancerStates {

  static final Set<String> BALANCER_TYPES = Set.of("aws_lb", "aws_alb");
  static final Set<String> LISTENER_TYPES = Set.of("aws_lb_listener", "aws_alb_listener");
  static final Set<String> RULE_TYPES = Set.of("aws_lb_listener_rule", "aws_alb_listener_rule");
  static final Set<String> TARGET_GROUP_TYPES =
      Set.of("aws_lb_target_group", "aws_alb_target_group");

  private LoadBalancerStates() {}

  static List<Resource> map(List<StateResource> instances) {
    Map<String, LoadBalancers.Balancer> balancers = new LinkedHashMap<>();
    for (StateResource lb : StateMeta.ofTypes(instances, BALANCER_TYPES)) {
      String arn = StateMeta.first(lb, "arn", "id");
      if (arn == null) {
        StateMeta.skipped(lb, "id");
        continue;
      }
      Boolean internal = lb.bool("internal");
      balancers.put(
          arn.toLowerCase(Locale.ROOT),
          new LoadBalancers.Balancer(
              StateMeta.meta(lb, arn, lb.string("name")),
              internal == null ? null : internal ? "internal" : "internet-facing",
              lb.string("load_balancer_type"),
              lb.integer("idle_timeout"),
              lb.bool("enable_deletion_protection")));
    }

    List<LoadBalancers.Listener> listeners = new ArrayList<>();
    for (StateResource listener : StateMeta.ofTypes(instances, LISTENER_TYPES)) {
      String arn = StateMeta.first(listener, "arn", "id");
      String lbArn = listener.string("load_balancer_arn");
      if (arn == null || lbArn == null) {
        StateMeta.skipped(listener, arn == null ? "id" : "load_balancer_arn");
        continue;
      }
      placeholder(balancers, lbArn, listener);
      listeners.add(
          new LoadBalancers.Listener(
              arn,
              lbArn,
              listener.string("protocol"),
              listener.integer("port"),
              listener.string("ssl_policy"),
              listener.string("certificate_arn") != null,
              actions(listener.blocks("default_action"))));
    }

    List<LoadBalancers.Rule> rules = new ArrayList<>();
    for (StateResource rule : StateMeta.ofTypes(instances, RULE_TYPES)) {
      String listenerArn = rule.string("listener_arn");
      if (listenerArn == null) {
        StateMeta.skipped(rule, "listener_arn");
        continue;
      }
      String lbArn = Arns.loadBalancerOf(listenerArn);
      if (lbArn != null) {
        placeholder(balancers, lbArn, rule);
      }
      List<String> hosts = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      for (Map<String, Object> condition : rule.blocks("condition")) {
        String field = Attributes.string(condition, "field");
        if ("host-header".equals(field)) {
          hosts.addAll(Attributes.strings(condition, "values"));
        } else if ("path-pattern".equals(field)) {
          paths.addAll(Attributes.strings(condition, "values"));
        }
        Attributes.blocks(condition, "host_header")
            .forEach(b -> hosts.addAll(Attributes.strings(b, "values")));
        Attributes.blocks(condition, "path_pattern")
            .forEach(b -> paths.addAll(Attributes.strings(b, "values")));
      }
      rules.add(
          new LoadBalancers.Rule(
              listenerArn, rule.integer("priority"), hosts, paths, actions(rule.blocks("action"))));
    }

    List<LoadBalancers.TargetGroup> groups = new ArrayList<>();
    for (StateResource group : StateMeta.ofTypes(instances, TARGET_GROUP_TYPES)) {
      String arn = StateMeta.first(group, "arn", "id");
      if (arn == null) {
        StateMeta.skipped(group, "id");
        continue;
      }
      LoadBalancers.HealthCheck check =
          group.blocks("health_check").stream()
              .findFirst()
              .map(
                  b ->
                      new LoadBalancers.HealthCheck(
                          Attributes.bool(b, "enabled"),
                          Attributes.string(b, "protocol"),
                          Attributes.string(b, "port"),
                          Attributes.string(b, "path"),
                          Attributes.integer(b, "interval"),
                          Attributes.integer(b, "timeout"),
                          Attributes.integer(b, "healthy_threshold"),
                          Attributes.integer(b, "unhealthy_threshold"),
                          Attributes.string(b, "matcher")))
              .orElse(null);
      String name = group.string("name");
      groups.add(
          new LoadBalancers.TargetGroup(
              arn,
              name == null ? Arns.elbName(arn) : name,
              group.string("protocol"),
              group.integer("port"),
              check));
    }
    return List.copyOf(
        LoadBalancers.assemble(List.copyOf(balancers.values()), listeners, rules, groups));
  }

  /**
   * Terraform actions: {@code type}, {@code order}, {@code target_group_arn} and the {@code
   * forward} block's {@code target_group} list.
   */
  private static List<LoadBalancers.Action> actions(List<Map<String, Object>> blocks) {
    List<LoadBalancers.Action> actions = new ArrayList<>();
    for (Map<String, Object> block : blocks) {
      List<String> groups = new ArrayList<>(Attributes.strings(block, "target_group_arn"));
      for (Map<String, Object> forward : Attributes.blocks(block, "forward")) {
        for (Map<String, Object> group : Attributes.blocks(forward, "target_group")) {
          groups.addAll(Attributes.strings(group, "arn"));
        }
      }
      actions.add(
          new LoadBalancers.Action(
              Attributes.integer(block, "order"), Attributes.string(block, "type"), groups));
    }
    return actions;
  }

  /** A load balancer known only from its listeners or rules, keyed by the ARN they name. */
  private static void placeholder(
      Map<String, LoadBalancers.Balancer> balancers, String lbArn, StateResource from) {
    balancers.computeIfAbsent(
        lbArn.toLowerCase(Locale.ROOT),
        k ->
            new LoadBalancers.Balancer(
                new ResourceMeta(
                    AwsTypes.CLOUD,
                    lbArn,
                    Arns.elbName(lbArn),
                    from.address(),
                    from.type(),
                    Arns.region(lbArn),
                    Map.of()),
                null,
                typeOf(lbArn),
                null,
                null));
  }

  private static String typeOf(String lbArn) {
    if (lbArn.contains(":loadbalancer/app/")) {
      return "application";
    }
    if (lbArn.contains(":loadbalancer/net/")) {
      return "network";
    }
    return lbArn.contains(":loadbalancer/gwy/") ? "gateway" : null;
  }
}
