package dev.cutover.aws.mapping;

/**
 * The {@code nativeType} of resources read live: the CloudFormation resource type names (AWS
 * CloudFormation User Guide, "AWS resource and property types reference"). Resources from state
 * carry their Terraform type instead.
 */
public final class AwsTypes {

  public static final String VPC = "AWS::EC2::VPC";
  public static final String SUBNET = "AWS::EC2::Subnet";
  public static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
  public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
  public static final String DB_INSTANCE = "AWS::RDS::DBInstance";
  public static final String DB_CLUSTER = "AWS::RDS::DBCluster";
  public static final String RECORD_SET = "AWS::Route53::RecordSet";

  /** The provider id, the {@code cloud} of every resource this module maps. */
  public static final String CLOUD = "aws";

  private AwsTypes() {}
}
