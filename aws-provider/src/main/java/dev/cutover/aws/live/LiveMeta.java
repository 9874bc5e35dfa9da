package dev.cutover.aws.live;

import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.core.model.ResourceMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The meta of a resource read live: no Terraform address, the CloudFormation type as type. */
final class LiveMeta {

  private LiveMeta() {}

  static ResourceMeta of(
      String id, String name, String nativeType, String region, Map<String, String> tags) {
    return of(id, name, nativeType, region, tags, false);
  }

  /**
   * @param cloudDefault AWS made it by itself (see {@link ResourceMeta#cloudDefault()})
   */
  static ResourceMeta of(
      String id,
      String name,
      String nativeType,
      String region,
      Map<String, String> tags,
      boolean cloudDefault) {
    return new ResourceMeta(AwsTypes.CLOUD, id, name, null, nativeType, region, tags, cloudDefault);
  }

  /** SDK tag lists (EC2 {@code Tag}, ELBv2 {@code Tag}, RDS {@code Tag}) as a map. */
  static <T> Map<String, String> tags(
      List<T> tags, Function<T, String> key, Function<T, String> value) {
    Map<String, String> map = new LinkedHashMap<>();
    for (T tag : tags) {
      if (key.apply(tag) != null) {
        map.put(key.apply(tag), value.apply(tag) == null ? "" : value.apply(tag));
      }
    }
    return map;
  }
}
