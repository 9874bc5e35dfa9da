package dev.cutover.aws.mapping;

/**
 * Reads the parts of an ARN that the mappers need. Format (AWS IAM User Guide, "Amazon Resource
 * Names (ARNs)"): {@code arn:partition:service:region:account-id:resource}; ELBv2 resources (ELB
 * API Reference, "Elastic Load Balancing resource types"): {@code loadbalancer/app/NAME/ID}, {@code
 * listener/app/NAME/LB-ID/LISTENER-ID}, {@code listener-rule/app/NAME/LB-ID/LISTENER-ID/RULE-ID},
 * {@code targetgroup/NAME/ID}.
 */
public final class Arns {

  private Arns() {}

  /** The region field of an ARN; null if the text is not an ARN or the ARN is global (IAM). */
  public static String region(String arn) {
    String[] parts = split(arn);
    return parts == null || parts[3].isEmpty() ? null : parts[3];
  }

  /**
   * The load balancer ARN a listener or listener-rule ARN belongs to; null if the text is not such
   * an ARN.
   */
  public static String loadBalancerOf(String listenerOrRuleArn) {
    String[] parts = split(listenerOrRuleArn);
    if (parts == null) {
      return null;
    }
    String[] resource = parts[5].split("/");
    if (resource.length < 4
        || !(resource[0].equals("listener") || resource[0].equals("listener-rule"))) {
      return null;
    }
    String prefix = listenerOrRuleArn.substring(0, listenerOrRuleArn.length() - parts[5].length());
    return prefix + "loadbalancer/" + resource[1] + "/" + resource[2] + "/" + resource[3];
  }

  /**
   * The name inside an ELBv2 ARN: the target group name of {@code targetgroup/NAME/ID}, the load
   * balancer name of {@code loadbalancer/TYPE/NAME/ID}; the text itself if it is not such an ARN.
   */
  public static String elbName(String arn) {
    String[] parts = split(arn);
    if (parts == null) {
      return arn;
    }
    String[] resource = parts[5].split("/");
    if (resource[0].equals("targetgroup") && resource.length >= 2) {
      return resource[1];
    }
    if (resource[0].equals("loadbalancer") && resource.length >= 3) {
      return resource[2];
    }
    return arn;
  }

  private static String[] split(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts : null;
  }
}
