package dev.cutover.aws.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnsTest {

  private static final String LB =
      "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";

  @Test
  void loadBalancerOf_listenerAndRuleArns_giveTheirLoadBalancer() {
    assertThat(
            Arns.loadBalancerOf(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2"))
        .isEqualTo(LB);
    assertThat(
            Arns.loadBalancerOf(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"))
        .isEqualTo(LB);
    assertThat(Arns.loadBalancerOf(LB)).isNull();
    assertThat(Arns.loadBalancerOf("5d7daaa0-68a7-4ca5-a491-3f78c102d562")).isNull();
  }

  @Test
  void elbNameAndRegion_readFromTheArn() {
    assertThat(Arns.elbName(LB)).isEqualTo("my-load-balancer");
    assertThat(
            Arns.elbName(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"))
        .isEqualTo("my-targets");
    assertThat(Arns.region(LB)).isEqualTo("us-west-2");
    assertThat(Arns.region("arn:aws:route53:::hostedzone/Z1")).isNull();
    assertThat(Arns.region("vpc-1")).isNull();
  }
}
