package dev.cutover.azure.state;

import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.terraform.Attributes;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every azurerm mapper of this package shares: meta, skipping partial objects, context. */
final class StateSupport {

  private static final Logger LOG = LoggerFactory.getLogger(StateSupport.class);

  private StateSupport() {}

  /**
   * Maps each instance that has an {@code id}; instances without one (partial objects of a failed
   * apply) are skipped and logged. A {@link CutoverException} from mapping one instance is
   * re-thrown with the instance's address in front.
   */
  static void each(List<StateResource> instances, Consumer<StateResource> mapper) {
    for (StateResource instance : instances) {
      if (instance.string("id") == null) {
        LOG.info("{}: skipped, the state holds no id for it", instance.address());
        continue;
      }
      try {
        mapper.accept(instance);
      } catch (CutoverException e) {
        throw new CutoverException(
            instance.address() + ": " + e.getMessage(), e.suggestion(), e.retryable(), e);
      }
    }
  }

  /**
   * The meta of a resource from state: id, name, address, Terraform type, {@code location}, {@code
   * tags} (never {@code tags_all}).
   */
  static ResourceMeta meta(StateResource instance) {
    String id = instance.string("id");
    String name = instance.string("name");
    return new ResourceMeta(
        AzureIds.CLOUD,
        id,
        name != null ? name : AzureIds.name(id),
        instance.address(),
        instance.type(),
        instance.string("location"),
        instance.stringMap("tags"));
  }

  /**
   * The meta of a group assembled from child resources whose parent is not in the state ({@code
   * azurerm_network_security_rule} without its NSG, ...): keyed by the parent's id, no address.
   */
  static ResourceMeta parentMeta(String parentId, String parentType) {
    return new ResourceMeta(
        AzureIds.CLOUD, parentId, AzureIds.name(parentId), null, parentType, null, Map.of());
  }

  /** The first block of a nested block list ({@code sku}, {@code dns_config}); empty if none. */
  static Map<String, Object> first(Map<String, Object> block, String key) {
    List<Map<String, Object>> blocks = Attributes.blocks(block, key);
    return blocks.isEmpty() ? Map.of() : blocks.get(0);
  }

  /** A string list that may be given in its singular and plural forms. */
  static List<String> both(Map<String, Object> block, String singular, String plural) {
    List<String> values = new ArrayList<>(Attributes.strings(block, plural));
    String one = Attributes.string(block, singular);
    if (one != null && !values.contains(one)) {
      values.add(0, one);
    }
    return values;
  }
}
