package dev.cutover.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.cutover.aws.AwsApi.answer;
import static dev.cutover.aws.AwsApi.scan;
import static dev.cutover.aws.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cutover.aws.state.AwsStateMapper;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.spi.DriftNormalizer;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.terraform.StateResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What AWS adds by itself is not drift. */
class AwsDriftNormalizerTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final DriftNormalizer normalizer = new AwsProvider().driftNormalizer();

  @Test
  void normalize_realDefaultGroupWithRulesManagedAsResources_defaultEgressAndSelfRuleAreNotDrift() {
    answer(wm, "DescribeSecurityGroups", "aws/ec2/botocore-ec2-describe-security-groups.xml");
    FirewallRuleSet live =
        byId(
            scan(wm, ProgressListener.NONE, ResourceKind.FIREWALL),
            FirewallRuleSet.class,
            "sg-97b1aefb");
    FirewallRuleSet state =
        (FirewallRuleSet)
            new AwsStateMapper()
                .map(
                    List.of(
                        new StateResource(
                            "aws_vpc_security_group_ingress_rule.https",
                            null,
                            "aws_vpc_security_group_ingress_rule",
                            "https",
                            null,
                            null,
                            null,
                            Map.of(
                                "security_group_id", "sg-97b1aefb",
                                "ip_protocol", "tcp",
                                "from_port", 443,
                                "to_port", 443,
                                "cidr_ipv4", "0.0.0.0/0"))))
                .get(0);
    FirewallRuleSet liveWithTheRule =
        live.withRules(
            concat(
                live.rules(), FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0")));

    FirewallRuleSet normalized = (FirewallRuleSet) normalizer.normalize(state, liveWithTheRule);

    assertThat(normalized.rules()).isEqualTo(state.rules());
  }

  @Test
  void normalize_stateWithoutEgressAndLiveDefaultEgressPair_dropsBoth() {
    FirewallRuleSet state = stateWeb(ingress443());
    FirewallRuleSet live = liveWeb(ingress443(), egressAll("0.0.0.0/0"), egressAll("::/0"));

    assertThat(((FirewallRuleSet) normalizer.normalize(state, live)).rules())
        .containsExactly(ingress443());
  }

  @Test
  void normalize_stateDeclaresEgress_liveDefaultEgressIsDrift() {
    FirewallRuleSet state =
        stateWeb(FirewallRule.allow(Direction.EGRESS, "tcp", 443, 443, "10.0.0.0/8"));
    FirewallRuleSet live = liveWeb(egressAll("0.0.0.0/0"));

    assertThat(normalizer.normalize(state, live)).isSameAs(live);
  }

  @Test
  void normalize_liveEgressBeyondTheDefault_isKept() {
    FirewallRuleSet state = stateWeb(ingress443());
    FirewallRuleSet live =
        liveWeb(
            egressAll("0.0.0.0/0"),
            FirewallRule.allow(Direction.EGRESS, "tcp", 5432, 5432, "10.0.0.0/8"));
    FirewallRuleSet onlyIpv6 = liveWeb(egressAll("::/0"));

    assertThat(normalizer.normalize(state, live)).isSameAs(live);
    assertThat(normalizer.normalize(state, onlyIpv6)).isSameAs(onlyIpv6);
  }

  @Test
  void normalize_awsDefaultSecurityGroupMatchingLive_noChange() {
    FirewallRuleSet state =
        byId(
            Fixtures.state("tfstate/snyk-driftctl/aws_vpc_security_group/terraform.tfstate"),
            FirewallRuleSet.class,
            "sg-9e0204ff");
    FirewallRuleSet live =
        group(
            "sg-9e0204ff",
            "AWS::EC2::SecurityGroup",
            "default",
            FirewallRule.allow(Direction.INGRESS, "-1", null, null, "sg:sg-9e0204ff"),
            egressAll("0.0.0.0/0"));

    FirewallRuleSet normalized = (FirewallRuleSet) normalizer.normalize(state, live);

    assertThat(normalized.rules()).isEqualTo(state.rules());
  }

  @Test
  void normalize_awsDefaultSecurityGroupWithoutSelfRule_liveSelfRuleIsDrift() {
    FirewallRuleSet state =
        group("sg-d", "aws_default_security_group", "default", egressAll("0.0.0.0/0"));
    FirewallRuleSet live =
        group(
            "sg-d",
            "AWS::EC2::SecurityGroup",
            "default",
            FirewallRule.allow(Direction.INGRESS, "all", null, null, "sg:sg-d"),
            egressAll("0.0.0.0/0"));

    assertThat(normalizer.normalize(state, live)).isSameAs(live);
  }

  private static FirewallRuleSet stateWeb(FirewallRule... rules) {
    return group("sg-1", "aws_security_group", "web", rules);
  }

  private static FirewallRuleSet liveWeb(FirewallRule... rules) {
    return group("sg-1", "AWS::EC2::SecurityGroup", "web", rules);
  }

  private static FirewallRuleSet group(
      String id, String nativeType, String name, FirewallRule... rules) {
    return new FirewallRuleSet(
        new ResourceMeta("aws", id, name, null, nativeType, "us-east-1", Map.of()),
        "vpc-1",
        List.of(rules));
  }

  private static FirewallRule ingress443() {
    return FirewallRule.allow(Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0");
  }

  private static FirewallRule egressAll(String peer) {
    return FirewallRule.allow(Direction.EGRESS, "-1", null, null, peer);
  }

  private static List<FirewallRule> concat(List<FirewallRule> rules, FirewallRule rule) {
    return java.util.stream.Stream.concat(rules.stream(), java.util.stream.Stream.of(rule))
        .toList();
  }
}
