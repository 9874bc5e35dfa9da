package dev.cutover.aws.state;

import dev.cutover.aws.mapping.Arns;
import dev.cutover.aws.mapping.AwsTypes;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.StateResource;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every AWS state mapping shares: the meta of an instance, type filtering, skip logging. */
final class StateMeta {

  private static final Logger LOG = LoggerFactory.getLogger(StateMeta.class);

  private StateMeta() {}

  /**
   * The types by which Terraform adopts what AWS created by itself (hashicorp/aws docs: "Resource:
   * aws_default_vpc", "aws_default_subnet", "aws_default_security_group"): their resources are
   * {@link ResourceMeta#cloudDefault()}, as the live scan marks them.
   */
  private static final Set<String> ADOPTED_DEFAULTS =
      Set.of("aws_default_vpc", "aws_default_subnet", "aws_default_security_group");

  /**
   * The meta of a resource from state: its Terraform address and type, the region of its {@code
   * arn} (null without one), its {@code tags} ({@code tags_all} is never read).
   */
  static ResourceMeta meta(StateResource instance, String id, String name) {
    return new ResourceMeta(
        AwsTypes.CLOUD,
        id,
        name,
        instance.address(),
        instance.type(),
        Arns.region(instance.string("arn")),
        instance.stringMap("tags"),
        ADOPTED_DEFAULTS.contains(instance.type()));
  }

  /** The {@code Name} tag, or null. */
  static String nameTag(StateResource instance) {
    return instance.stringMap("tags").get("Name");
  }

  /** The instances of the given types, in file order. */
  static List<StateResource> ofTypes(List<StateResource> instances, Set<String> types) {
    return instances.stream().filter(i -> types.contains(i.type())).toList();
  }

  /** The first non-blank of the attributes, or null. */
  static String first(StateResource instance, String... keys) {
    for (String key : keys) {
      String value = instance.string(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Logs a skipped instance (real states hold partial objects, e.g. only an {@code id}). */
  static void skipped(StateResource instance, String lacking) {
    LOG.debug("{}: no {}; skipped", instance.address(), lacking);
  }
}
