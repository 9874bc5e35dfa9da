package dev.cutover.aws.live;

import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.aws.mapping.LoadBalancers;
import dev.cutover.core.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Application, network and gateway load balancers of one region (ELB API Reference, version
 * 2015-12-01): {@code DescribeLoadBalancers} and {@code DescribeTargetGroups} once per region
 * (paginated); per load balancer {@code DescribeListeners} (the API takes one load balancer) and
 * {@code DescribeLoadBalancerAttributes} (idle timeout, deletion protection; no bulk form exists);
 * per HTTP(S) listener {@code DescribeRules} (only ALB listeners have rules besides the default,
 * which {@code DescribeListeners} already gives); tags through {@code DescribeTags}, 20 ARNs a call
 * (the API's limit).
 */
final class Elbv2Scanner {

  /** {@code DescribeTags} takes at most 20 resource ARNs. */
  static final int TAGS_PER_CALL = 20;

  private Elbv2Scanner() {}

  static List<Resource> loadBalancers(ElasticLoadBalancingV2Client elb, LiveCalls calls) {
    List<LoadBalancer> found = new ArrayList<>();
    calls.pages(
        "elasticloadbalancing:DescribeLoadBalancers",
        () -> elb.describeLoadBalancersPaginator(b -> {}),
        page -> found.addAll(page.loadBalancers()));
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, String>> tags = tags(elb, calls, found);

    List<LoadBalancers.Balancer> balancers = new ArrayList<>();
    List<LoadBalancers.Listener> listeners = new ArrayList<>();
    List<LoadBalancers.Rule> rules = new ArrayList<>();
    for (LoadBalancer lb : found) {
      Map<String, String> attributes = new HashMap<>();
      calls
          .call(
              "elasticloadbalancing:DescribeLoadBalancerAttributes",
              () ->
                  elb.describeLoadBalancerAttributes(b -> b.loadBalancerArn(lb.loadBalancerArn())))
          .attributes()
          .forEach(a -> attributes.put(a.key(), a.value()));
      balancers.add(
          new LoadBalancers.Balancer(
              LiveMeta.of(
                  lb.loadBalancerArn(),
                  lb.loadBalancerName(),
                  AwsTypes.LOAD_BALANCER,
                  calls.region(),
                  tags.getOrDefault(lb.loadBalancerArn(), Map.of())),
              lb.schemeAsString(),
              lb.typeAsString(),
              integer(attributes.get("idle_timeout.timeout_seconds")),
              bool(attributes.get("deletion_protection.enabled"))));

      List<Listener> lbListeners = new ArrayList<>();
      calls.pages(
          "elasticloadbalancing:DescribeListeners",
          () -> elb.describeListenersPaginator(b -> b.loadBalancerArn(lb.loadBalancerArn())),
          page -> lbListeners.addAll(page.listeners()));
      for (Listener listener : lbListeners) {
        listeners.add(
            new LoadBalancers.Listener(
                listener.listenerArn(),
                listener.loadBalancerArn() == null
                    ? lb.loadBalancerArn()
                    : listener.loadBalancerArn(),
                listener.protocolAsString(),
                listener.port(),
                listener.sslPolicy(),
                !listener.certificates().isEmpty(),
                actions(listener.defaultActions())));
        String protocol = listener.protocolAsString();
        if ("HTTP".equalsIgnoreCase(protocol) || "HTTPS".equalsIgnoreCase(protocol)) {
          calls.pages(
              "elasticloadbalancing:DescribeRules",
              () -> elb.describeRulesPaginator(b -> b.listenerArn(listener.listenerArn())),
              page ->
                  page.rules().stream()
                      .filter(rule -> !Boolean.TRUE.equals(rule.isDefault()))
                      .forEach(rule -> rules.add(rule(listener.listenerArn(), rule))));
        }
      }
    }

    List<LoadBalancers.TargetGroup> groups = new ArrayList<>();
    calls.pages(
        "elasticloadbalancing:DescribeTargetGroups",
        () -> elb.describeTargetGroupsPaginator(b -> {}),
        page -> page.targetGroups().forEach(group -> groups.add(targetGroup(group))));
    return List.copyOf(LoadBalancers.assemble(balancers, listeners, rules, groups));
  }

  private static Map<String, Map<String, String>> tags(
      ElasticLoadBalancingV2Client elb, LiveCalls calls, List<LoadBalancer> found) {
    Map<String, Map<String, String>> tags = new HashMap<>();
    List<String> arns = found.stream().map(LoadBalancer::loadBalancerArn).toList();
    for (int from = 0; from < arns.size(); from += TAGS_PER_CALL) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + TAGS_PER_CALL));
      for (TagDescription description :
          calls
              .call(
                  "elasticloadbalancing:DescribeTags",
                  () -> elb.describeTags(b -> b.resourceArns(batch)))
              .tagDescriptions()) {
        tags.put(
            description.resourceArn(), LiveMeta.tags(description.tags(), Tag::key, Tag::value));
      }
    }
    return tags;
  }

  private static LoadBalancers.Rule rule(String listenerArn, Rule rule) {
    Set<String> hosts = new LinkedHashSet<>();
    Set<String> paths = new LinkedHashSet<>();
    for (RuleCondition condition : rule.conditions()) {
      if ("host-header".equals(condition.field())) {
        hosts.addAll(condition.values());
        if (condition.hostHeaderConfig() != null) {
          hosts.addAll(condition.hostHeaderConfig().values());
        }
      } else if ("path-pattern".equals(condition.field())) {
        paths.addAll(condition.values());
        if (condition.pathPatternConfig() != null) {
          paths.addAll(condition.pathPatternConfig().values());
        }
      }
    }
    return new LoadBalancers.Rule(
        listenerArn,
        integer(rule.priority()),
        List.copyOf(hosts),
        List.copyOf(paths),
        actions(rule.actions()));
  }

  private static List<LoadBalancers.Action> actions(List<Action> actions) {
    List<LoadBalancers.Action> result = new ArrayList<>();
    for (Action action : actions) {
      List<String> groups = new ArrayList<>();
      if (action.targetGroupArn() != null) {
        groups.add(action.targetGroupArn());
      }
      if (action.forwardConfig() != null) {
        action.forwardConfig().targetGroups().stream()
            .map(TargetGroupTuple::targetGroupArn)
            .forEach(groups::add);
      }
      result.add(new LoadBalancers.Action(action.order(), action.typeAsString(), groups));
    }
    return result;
  }

  private static LoadBalancers.TargetGroup targetGroup(TargetGroup group) {
    String matcher =
        group.matcher() == null
            ? null
            : group.matcher().httpCode() != null
                ? group.matcher().httpCode()
                : group.matcher().grpcCode();
    return new LoadBalancers.TargetGroup(
        group.targetGroupArn(),
        group.targetGroupName(),
        group.protocolAsString(),
        group.port(),
        new LoadBalancers.HealthCheck(
            group.healthCheckEnabled(),
            group.healthCheckProtocolAsString(),
            group.healthCheckPort(),
            group.healthCheckPath(),
            group.healthCheckIntervalSeconds(),
            group.healthCheckTimeoutSeconds(),
            group.healthyThresholdCount(),
            group.unhealthyThresholdCount(),
            matcher));
  }

  private static Integer integer(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(String text) {
    return text == null ? null : Boolean.valueOf(text.trim());
  }
}
