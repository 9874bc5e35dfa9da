package dev.cutover.core.terraform;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.Providers;
import dev.cutover.core.spi.StateMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Terraform state into an {@link Inventory}: streams it through {@link StateReader}, keeps
 * only the instances some provider's {@link StateMapper} handles, and lets each mapper map its own.
 */
public final class StateLoader {

  private final Providers providers;

  public StateLoader(Providers providers) {
    this.providers = providers;
  }

  /** The inventory of one state file, with what the file held. */
  public record Loaded(Inventory inventory, StateSummary summary) {}

  /**
   * @throws dev.cutover.core.CutoverException as {@link StateReader#read(Path,
   *     java.util.function.Predicate, java.util.function.Consumer)}
   */
  public Loaded load(Path file) {
    Map<StateMapper, List<StateResource>> byMapper = new LinkedHashMap<>();
    for (CloudProvider provider : providers.all()) {
      byMapper.put(provider.stateMapper(), new ArrayList<>());
    }
    StateSummary summary =
        StateReader.read(
            file,
            type -> mapperFor(byMapper, type) != null,
            instance -> byMapper.get(mapperFor(byMapper, instance.type())).add(instance));
    List<Resource> resources = new ArrayList<>();
    byMapper.forEach(
        (mapper, instances) -> {
          if (!instances.isEmpty()) {
            resources.addAll(mapper.map(instances));
          }
        });
    return new Loaded(new Inventory("state:" + file, resources), summary);
  }

  private static StateMapper mapperFor(
      Map<StateMapper, List<StateResource>> byMapper, String type) {
    for (StateMapper mapper : byMapper.keySet()) {
      if (mapper.handles(type)) {
        return mapper;
      }
    }
    return null;
  }
}
