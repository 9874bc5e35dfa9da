package dev.cutover.core.terraform;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource instance from a Terraform state, as {@code terraform show -json} lists them: one
 * entry per {@code count}/{@code for_each} instance (and per deposed object).
 *
 * <p>{@code attributes} is the instance's attribute tree as plain Java values ({@link Map}, {@link
 * List}, {@link String}, {@link Number}, {@link Boolean}, null), with every sensitive value already
 * removed by the reader: paths listed in {@code sensitive_attributes} (v4) or {@code
 * sensitive_values} (show -json), and attributes whose names denote secrets ({@link
 * StateReader#isSecretAttribute(String)}).
 *
 * @param address full address with module path and index key, e.g. {@code
 *     module.net.aws_subnet.app["a"]}; a deposed object keeps its instance's address
 * @param module module path ({@code module.net}, {@code module.a.module.b}); null for the root
 * @param type Terraform type, e.g. {@code aws_vpc}
 * @param name the resource name in configuration
 * @param indexKey the {@code index_key}: an Integer for count, a String for for_each, null if none
 * @param deposed the deposed key for a deposed object (create_before_destroy); null otherwise
 * @param provider provider address as the state records it
 * @param attributes the attribute tree without sensitive values; never null
 */
public record StateResource(
    String address,
    String module,
    String type,
    String name,
    Object indexKey,
    String deposed,
    String provider,
    Map<String, Object> attributes) {

  public StateResource {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(type, "type");
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
  }

  /** The attribute as a string (numbers and booleans as text); null if absent, null or empty. */
  public String string(String key) {
    return Attributes.string(attributes, key);
  }

  /** The attribute as an Integer; null if absent or not a number. */
  public Integer integer(String key) {
    return Attributes.integer(attributes.get(key));
  }

  /** The attribute as a Boolean; null if absent. */
  public Boolean bool(String key) {
    return Attributes.bool(attributes.get(key));
  }

  /**
   * The attribute as a list of nested blocks (inline {@code ingress}, {@code subnet}); empty if
   * absent.
   */
  public List<Map<String, Object>> blocks(String key) {
    return Attributes.blocks(attributes.get(key));
  }

  /** The attribute as a list of strings ({@code cidr_blocks}); empty if absent. */
  public List<String> strings(String key) {
    return Attributes.strings(attributes.get(key));
  }

  /** The attribute as a string map ({@code tags}); empty if absent. */
  public Map<String, String> stringMap(String key) {
    return Attributes.stringMap(attributes.get(key));
  }
}
