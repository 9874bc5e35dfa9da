package dev.cutover.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.cutover.aws.AwsApi.answer;
import static dev.cutover.aws.AwsApi.query;
import static dev.cutover.aws.AwsApi.scan;
import static dev.cutover.aws.AwsApi.xml;
import static dev.cutover.aws.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.cutover.core.model.Database;
import dev.cutover.core.model.Direction;
import dev.cutover.core.model.DnsRecordSet;
import dev.cutover.core.model.FirewallRule;
import dev.cutover.core.model.FirewallRuleSet;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.LoadBalancer;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.model.Subnet;
import dev.cutover.core.spi.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live inventory by the real SDK clients against WireMock serving real API documents. */
class AwsLiveScanTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<String> progress = new ArrayList<>();
  private final ProgressListener recorder =
      (phase, done, total) -> progress.add(phase + " " + done);

  @Test
  void scan_vpcsAndSubnets_mapsCidrsTagsAndZones() {
    answer(wm, "DescribeVpcs", "aws/ec2/libcloud-describe_vpcs.xml");
    answer(wm, "DescribeSubnets", "aws/ec2/jclouds-describe_subnets.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.NETWORK, ResourceKind.SUBNET);

    Network named = byId(inventory, Network.class, "vpc-62ded30e");
    assertThat(named.cidrs()).containsExactly("192.168.52.0/24");
    assertThat(named.meta().name()).isEqualTo("Test VPC");
    assertThat(named.meta().nativeType()).isEqualTo("AWS::EC2::VPC");
    assertThat(named.meta().region()).isEqualTo("us-east-1");
    assertThat(named.meta().address()).isNull();
    assertThat(byId(inventory, Network.class, "vpc-532335e1").meta().name()).isNull();
    Subnet subnet = byId(inventory, Subnet.class, "subnet-9d4a7b6c");
    assertThat(subnet.network()).isEqualTo("vpc-1a2b3c4d");
    assertThat(subnet.cidr()).isEqualTo("10.0.1.0/24");
    assertThat(subnet.zone()).isEqualTo("us-east-1a");
    assertThat(subnet.meta().tags()).containsEntry("Name", "ec2-o").containsKey("Empty");
    assertThat(inventory.source()).isEqualTo("aws:us-east-1");
    assertThat(progress)
        .containsExactly("aws us-east-1: DescribeVpcs 1", "aws us-east-1: DescribeSubnets 1");
  }

  @Test
  void scan_subnetWithInvalidCidrInDocument_keepsItAsGivenAndReadsTheRest() {
    answer(wm, "DescribeSubnets", "aws/ec2/libcloud-describe_subnets.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.SUBNET);

    assertThat(byId(inventory, Subnet.class, "subnet-ce0e7ce6").cidr())
        .isEqualTo("192.168.51.128/64");
    assertThat(byId(inventory, Subnet.class, "subnet-ce0e7ce5").cidr())
        .isEqualTo("192.168.51.0/25");
  }

  @Test
  void scan_paginatedSecurityGroups_readsEveryPage() {
    wm.stubFor(
        query("DescribeSecurityGroups")
            .withRequestBody(notContaining("NextToken"))
            .willReturn(xml("aws/ec2/botocore-ec2-describe-security-groups-page1.xml")));
    wm.stubFor(
        query("DescribeSecurityGroups")
            .withRequestBody(containing("NextToken=page-2-of-botocore-groups"))
            .willReturn(xml("aws/ec2/botocore-ec2-describe-security-groups-page2.xml")));

    Inventory paged = scan(wm, recorder, ResourceKind.FIREWALL);

    assertThat(paged.resources())
        .extracting(r -> r.meta().id())
        .containsExactly("sg-4e970e7e", "sg-68d8a958", "sg-72334242", "sg-97b1aefb", "sg-eab831da");
    wm.verify(2, postRequestedFor(urlEqualTo("/")));
    assertThat(progress)
        .containsExactly(
            "aws us-east-1: DescribeSecurityGroups 1", "aws us-east-1: DescribeSecurityGroups 2");

    wm.resetAll();
    answer(wm, "DescribeSecurityGroups", "aws/ec2/botocore-ec2-describe-security-groups.xml");
    assertThat(paged.resources())
        .isEqualTo(scan(wm, ProgressListener.NONE, ResourceKind.FIREWALL).resources());
  }

  @Test
  void scan_securityGroups_onePerPeerWithSelfReferenceAndIcmpAny() {
    answer(wm, "DescribeSecurityGroups", "aws/ec2/botocore-ec2-describe-security-groups.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.FIREWALL);

    FirewallRuleSet vpcDefault = byId(inventory, FirewallRuleSet.class, "sg-97b1aefb");
    assertThat(vpcDefault.meta().name()).isEqualTo("default");
    assertThat(vpcDefault.network()).isEqualTo("vpc-8d2910e4");
    assertThat(vpcDefault.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "all", null, null, "sg:sg-97b1aefb"),
            FirewallRule.allow(Direction.EGRESS, "all", null, null, "0.0.0.0/0"));
    FirewallRuleSet classic = byId(inventory, FirewallRuleSet.class, "sg-eab831da");
    assertThat(classic.network()).isNull();
    assertThat(classic.rules())
        .containsExactly(
            FirewallRule.allow(Direction.INGRESS, "icmp", null, null, "sg:sg-eab831da"),
            FirewallRule.allow(Direction.INGRESS, "tcp", 0, 65535, "sg:sg-eab831da"),
            FirewallRule.allow(Direction.INGRESS, "udp", 0, 65535, "sg:sg-eab831da"));
    assertThat(byId(inventory, FirewallRuleSet.class, "sg-4e970e7e").rules())
        .extracting(FirewallRule::fromPort)
        .containsExactly(22, 443, 8888);
  }

  @Test
  void scan_loadBalancer_assemblesListenersRulesTargetGroupsAndAttributes() {
    elbv2Answers("aws/elbv2/aws-apiref-DescribeRules.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.LOAD_BALANCER);

    String arn =
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/Test-ALB/1111111111111111";
    LoadBalancer lb = byId(inventory, LoadBalancer.class, arn);
    assertThat(lb.meta().name()).isEqualTo("Test-ALB");
    assertThat(lb.meta().nativeType()).isEqualTo("AWS::ElasticLoadBalancingV2::LoadBalancer");
    assertThat(lb.meta().tags()).isEmpty();
    assertThat(lb.scheme()).isEqualTo("internal");
    assertThat(lb.layer()).isEqualTo(7);
    assertThat(lb.sku()).isEqualTo("application");
    assertThat(lb.idleTimeoutSeconds()).isEqualTo(60);
    assertThat(lb.deletionProtection()).isFalse();
    assertThat(lb.listeners())
        .containsExactly(
            new LoadBalancer.Listener("https", 443, "ELBSecurityPolicy-2015-05", true));
    assertThat(lb.routes())
        .containsExactly(
            new LoadBalancer.Route(443, null, null, null, "forward", "Test-ALB-tg"),
            new LoadBalancer.Route(443, 10, null, List.of("/img/*"), "forward", "my-targets"));
    assertThat(lb.backends())
        .containsExactly(
            new LoadBalancer.Backend("Test-ALB-tg", "https", 443, null),
            new LoadBalancer.Backend("my-targets", null, null, null));
    assertThat(lb.healthProbes())
        .containsExactly(
            new LoadBalancer.HealthProbe("https", null, "/", 30, 5, 5, 2, "200", "Test-ALB-tg"));
    wm.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(containing("Action=DescribeTags&"))
            .withRequestBody(containing("ResourceArns.member.1=")));
    wm.verify(
        1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeRules&")));
  }

  @Test
  void scan_defaultRuleInDescribeRules_isNotCountedTwice() {
    elbv2Answers("aws/elbv2/libcloud-describe_load_balancer_rules.xml");

    LoadBalancer lb =
        scan(wm, recorder, ResourceKind.LOAD_BALANCER)
            .ofType(LoadBalancer.class)
            .findFirst()
            .orElseThrow();

    assertThat(lb.routes())
        .containsExactly(new LoadBalancer.Route(443, null, null, null, "forward", "Test-ALB-tg"));
  }

  @Test
  void scan_rdsInstancesAndClusters_fillClassCapacityFromTheTable() {
    answer(wm, "DescribeDBInstances", "aws/rds/botocore-rds-describe-db-instances.xml");
    answer(wm, "DescribeDBClusters", "aws/rds/aws-apiref-DescribeDBClusters-multi-az.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.DATABASE);

    Database instance = byId(inventory, Database.class, "simcoprod01");
    assertThat(instance.meta().nativeType()).isEqualTo("AWS::RDS::DBInstance");
    assertThat(instance.engine()).isEqualTo("mysql");
    assertThat(instance.engineVersion()).isEqualTo("5.1.50");
    assertThat(instance.instanceClass()).isEqualTo("db.m1.large");
    assertThat(instance.vcpus()).isEqualTo(2);
    assertThat(instance.memoryGiB()).isEqualTo(7.5);
    assertThat(instance.storageGiB()).isEqualTo(10);
    assertThat(instance.highAvailability()).isFalse();
    assertThat(instance.backupRetentionDays()).isEqualTo(1);
    Database cluster =
        byId(
            inventory,
            Database.class,
            "arn:aws:rds:us-west-2:123456789012:cluster:my-multi-az-cluster");
    assertThat(cluster.meta().name()).isEqualTo("my-multi-az-cluster");
    assertThat(cluster.meta().nativeType()).isEqualTo("AWS::RDS::DBCluster");
    assertThat(cluster.instanceClass()).isEqualTo("db.r6gd.large");
    assertThat(cluster.vcpus()).isEqualTo(2);
    assertThat(cluster.memoryGiB()).isEqualTo(16.0);
    assertThat(cluster.storageGiB()).isEqualTo(100);
    assertThat(cluster.highAvailability()).isTrue();
    assertThat(cluster.storageEncrypted()).isTrue();
    assertThat(cluster.publicAccess()).isTrue();
    assertThat(cluster.backupRetentionDays()).isEqualTo(2);
  }

  @Test
  void scan_route53_groupsWeightedMembersAcrossPagesAndReadsAliasHealth() {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone"))
            .willReturn(xml("aws/route53/libcloud-list_zones.xml")));
    rrsets("47234", "aws/route53/libcloud-list_records.xml");
    rrsets("48170", "aws/route53/boto-list_rrsets-latency-alias.xml");
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/48017/rrset"))
            .withQueryParam("identifier", absent())
            .willReturn(xml("aws/route53/boto-list_rrsets-truncated-page1.xml")));
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/48017/rrset"))
            .withQueryParam("name", equalTo("wrr.example.com."))
            .withQueryParam("type", equalTo("A"))
            .withQueryParam("identifier", equalTo("secondary"))
            .willReturn(xml("aws/route53/boto-list_rrsets-truncated-page2.xml")));
    rrsets("47288", "aws/route53/denominator-no-records.xml");
    rrsets("48008", "aws/route53/denominator-no-records.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.DNS_RECORD_SET);

    DnsRecordSet weighted = byId(inventory, DnsRecordSet.class, "48017/wrr.example.com/A");
    assertThat(weighted.routing()).isEqualTo("weighted");
    assertThat(weighted.ttlSeconds()).isEqualTo(300L);
    assertThat(weighted.zone()).isEqualTo("48017");
    assertThat(weighted.meta().region()).isNull();
    assertThat(weighted.meta().nativeType()).isEqualTo("AWS::Route53::RecordSet");
    assertThat(weighted.members())
        .containsExactly(
            new DnsRecordSet.Member("primary", 100, null, "127.0.0.1", null),
            new DnsRecordSet.Member("secondary", 50, null, "127.0.0.2", null));
    DnsRecordSet latency =
        byId(inventory, DnsRecordSet.class, "48170/us-west-2-evaluate-health.example.com/A");
    assertThat(latency.routing()).isEqualTo("performance");
    assertThat(latency.ttlSeconds()).isNull();
    assertThat(latency.members())
        .containsExactly(
            new DnsRecordSet.Member(
                "latency-example-us-west-2-evaluate-health",
                null,
                null,
                "example-123456-evaluate-health.us-west-2.elb.amazonaws.com",
                "abcdefgh-abcd-abcd-abcd-abcdefghijkl"));
    assertThat(byId(inventory, DnsRecordSet.class, "48170/failover.example.com/A").routing())
        .isEqualTo("priority");
    DnsRecordSet mx = byId(inventory, DnsRecordSet.class, "47234/testdomain.com/MX");
    assertThat(mx.members()).hasSize(1);
    assertThat(mx.members().get(0).target())
        .isEqualTo(
            "1 aspmx.l.google.com,10 aspmx2.googlemail.com,10 aspmx3.googlemail.com,"
                + "5 alt1.aspmx.l.google.com,5 alt2.aspmx.l.google.com");
    assertThat(inventory.ofType(DnsRecordSet.class)).hasSize(5 + 6 + 3);
    wm.verify(2, getRequestedFor(urlPathEqualTo("/2013-04-01/hostedzone/48017/rrset")));
  }

  @Test
  void scan_onlyRequestedKinds_callsOnlyTheirApis() {
    answer(wm, "DescribeVpcs", "aws/ec2/botocore-ec2-describe-vpcs.xml");

    Inventory inventory = scan(wm, recorder, ResourceKind.NETWORK);

    assertThat(inventory.resources()).hasSize(1);
    assertThat(byId(inventory, Network.class, "vpc-8d2910e4").meta().tags()).isEqualTo(Map.of());
    wm.verify(1, postRequestedFor(urlEqualTo("/")));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/2013-04-01/hostedzone")))).isEmpty();
  }

  /** The libcloud ALB documents with API-reference attributes and tags, and these rules. */
  private static void elbv2Answers(String rules) {
    answer(wm, "DescribeLoadBalancers", "aws/elbv2/libcloud-describe_load_balancers.xml");
    answer(wm, "DescribeTags", "aws/elbv2/aws-apiref-DescribeTags.xml");
    answer(
        wm,
        "DescribeLoadBalancerAttributes",
        "aws/elbv2/aws-apiref-DescribeLoadBalancerAttributes.xml");
    answer(wm, "DescribeListeners", "aws/elbv2/libcloud-describe_load_balancer_listeters.xml");
    answer(wm, "DescribeRules", rules);
    answer(
        wm, "DescribeTargetGroups", "aws/elbv2/libcloud-describe_load_balancer_target_groups.xml");
  }

  /**
   * The real libcloud documents with one edit each, made here rather than in a copy: the first VPC
   * is the account's default VPC ({@code isDefault} true) and the first subnet a default subnet
   * ({@code defaultForAz} true), as in every AWS region that has them.
   */
  @Test
  void scan_defaultVpcAndSubnet_areMarkedCloudDefault() {
    wm.stubFor(
        AwsApi.query("DescribeVpcs")
            .willReturn(
                xml("aws/ec2/libcloud-describe_vpcs.xml")
                    .withBody(
                        Fixtures.text("aws/ec2/libcloud-describe_vpcs.xml")
                            .replaceFirst(
                                "<isDefault>false</isDefault>", "<isDefault>true</isDefault>"))));
    wm.stubFor(
        AwsApi.query("DescribeSubnets")
            .willReturn(
                xml("aws/ec2/libcloud-describe_subnets.xml")
                    .withBody(
                        Fixtures.text("aws/ec2/libcloud-describe_subnets.xml")
                            .replaceFirst(
                                "<defaultForAz>false</defaultForAz>",
                                "<defaultForAz>true</defaultForAz>"))));

    Inventory inventory = scan(wm, recorder, ResourceKind.NETWORK, ResourceKind.SUBNET);

    assertThat(inventory.resources())
        .filteredOn(r -> r.meta().cloudDefault())
        .extracting(r -> r.meta().id())
        .containsExactlyInAnyOrder("vpc-532335e1", "subnet-ce0e7ce5");
    assertThat(inventory.resources()).filteredOn(r -> !r.meta().cloudDefault()).hasSize(2);
  }

  /** boto's real record sets of example.com, served as the zone of that name. */
  @Test
  void scan_zoneApexNsAndSoa_areMarkedCloudDefault() {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone"))
            .willReturn(
                xml("aws/route53/libcloud-list_zones.xml")
                    .withBody(
                        Fixtures.text("aws/route53/libcloud-list_zones.xml")
                            .replace("<Name>newblah.com</Name>", "<Name>example.com.</Name>"))));
    for (String zone : List.of("47234", "48170", "47288", "48008")) {
      rrsets(zone, "aws/route53/denominator-no-records.xml");
    }
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/48017/rrset"))
            .withQueryParam("identifier", absent())
            .willReturn(xml("aws/route53/boto-list_rrsets-truncated-page1.xml")));
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/48017/rrset"))
            .withQueryParam("identifier", equalTo("secondary"))
            .willReturn(xml("aws/route53/boto-list_rrsets-truncated-page2.xml")));

    Inventory inventory = scan(wm, recorder, ResourceKind.DNS_RECORD_SET);

    assertThat(inventory.resources())
        .filteredOn(r -> r.meta().cloudDefault())
        .extracting(r -> r.meta().id())
        .containsExactlyInAnyOrder("48017/example.com/NS", "48017/example.com/SOA");
    assertThat(byId(inventory, DnsRecordSet.class, "48017/wrr.example.com/A").meta().cloudDefault())
        .isFalse();
  }

  private static void rrsets(String zone, String resource) {
    wm.stubFor(
        get(urlPathEqualTo("/2013-04-01/hostedzone/" + zone + "/rrset")).willReturn(xml(resource)));
  }
}
