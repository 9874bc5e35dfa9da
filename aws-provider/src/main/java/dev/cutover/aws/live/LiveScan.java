package dev.cutover.aws.live;

import dev.cutover.aws.AwsClients;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.LiveRequest;
import java.util.ArrayList;
import java.util.List;

/** Reads the requested kinds of one region with the clients given; the clients stay open. */
public final class LiveScan {

  private LiveScan() {}

  /**
   * @param region a valid AWS region (validated by the caller)
   * @throws dev.cutover.core.CutoverException for a refused, throttled or failed call, naming the
   *     IAM action
   */
  public static List<Resource> scan(AwsClients clients, String region, LiveRequest request) {
    LiveCalls calls = new LiveCalls(region, request.progress());
    List<Resource> resources = new ArrayList<>();
    if (request.wants(ResourceKind.NETWORK)) {
      resources.addAll(Ec2Scanner.networks(clients.ec2(), calls));
    }
    if (request.wants(ResourceKind.SUBNET)) {
      resources.addAll(Ec2Scanner.subnets(clients.ec2(), calls));
    }
    if (request.wants(ResourceKind.FIREWALL)) {
      resources.addAll(Ec2Scanner.securityGroups(clients.ec2(), calls));
    }
    if (request.wants(ResourceKind.LOAD_BALANCER)) {
      resources.addAll(Elbv2Scanner.loadBalancers(clients.elbv2(), calls));
    }
    if (request.wants(ResourceKind.DATABASE)) {
      resources.addAll(RdsScanner.databases(clients.rds(), calls));
    }
    if (request.wants(ResourceKind.DNS_RECORD_SET)) {
      resources.addAll(Route53Scanner.recordSets(clients.route53(), calls));
    }
    return resources;
  }
}
