package dev.cutover.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every canonical resource carries, whatever its kind: where it lives and how it is named.
 *
 * @param cloud provider id, e.g. {@code aws}, {@code azure}
 * @param id the cloud's own id (AWS id or ARN, Azure resource id); compared case-insensitively
 *     through {@link #idKey()}
 * @param name the resource's name (AWS {@code Name} tag or name, Azure name); may be null
 * @param address Terraform address with module path and index key, e.g. {@code
 *     module.net.aws_subnet.app["a"]}, when the resource came from state; null otherwise
 * @param nativeType Terraform type ({@code aws_vpc}) for resources from state, the cloud's type
 *     ({@code AWS::EC2::VPC} style or {@code Microsoft.Network/virtualNetworks}) for live ones
 * @param region AWS region or Azure location; may be null
 * @param tags tags without provider default tags ({@code tags_all} is not read); sorted, never null
 * @param cloudDefault true for a resource the cloud creates by itself, not the user: AWS's default
 *     VPC, default subnets and each VPC's {@code default} security group (Amazon VPC User Guide,
 *     "Default VPCs" and "Default security groups"), a hosted zone's apex NS and SOA records (Route
 *     53 Developer Guide, "NS and SOA records that Amazon Route 53 creates"). Drift does not call
 *     them unmanaged, nor parity missing, when nothing pairs with them. JSON {@code "cloudDefault":
 *     true}, omitted when false.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceMeta(
    String cloud,
    String id,
    String name,
    String address,
    String nativeType,
    String region,
    Map<String, String> tags,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean cloudDefault) {

  public ResourceMeta {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(id, "id");
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** A resource the user made (not {@link #cloudDefault()}). */
  public ResourceMeta(
      String cloud,
      String id,
      String name,
      String address,
      String nativeType,
      String region,
      Map<String, String> tags) {
    this(cloud, id, name, address, nativeType, region, tags, false);
  }

  /**
   * The id in the form it is compared in: lower case, as AWS and Azure ids are case-insensitive.
   */
  public String idKey() {
    return id.toLowerCase(Locale.ROOT);
  }

  public ResourceMeta withAddress(String newAddress) {
    return new ResourceMeta(cloud, id, name, newAddress, nativeType, region, tags, cloudDefault);
  }

  /** A copy in another region (a child resource taking its parent's location). */
  public ResourceMeta withRegion(String newRegion) {
    return new ResourceMeta(cloud, id, name, address, nativeType, newRegion, tags, cloudDefault);
  }

  /** A copy marked as made by the cloud itself (see {@link #cloudDefault()}). */
  public ResourceMeta asCloudDefault() {
    return new ResourceMeta(cloud, id, name, address, nativeType, region, tags, true);
  }

  /** Shorthand for the common case of a resource with a name and no tags or region yet. */
  public static ResourceMeta of(String cloud, String id, String name, String nativeType) {
    return new ResourceMeta(cloud, id, name, null, nativeType, null, Map.of());
  }

  /** How a person refers to the resource: its address when known, else its id. */
  public String label() {
    return address != null ? address : id;
  }
}
