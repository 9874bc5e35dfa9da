package dev.cutover.core.source;

import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.ResourceKind;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.ProgressListener;
import dev.cutover.core.spi.Providers;
import dev.cutover.core.terraform.StateLoader;
import java.util.Objects;
import java.util.Set;

/**
 * Loads one side of a comparison into an {@link Inventory}, whatever its {@link InventorySpec}: a
 * Terraform state through every provider's state mapper, a snapshot through {@link
 * Json#readSnapshot}, a live cloud through its provider's scan with that cloud's endpoint override.
 */
public final class InventorySources {

  private final Providers providers;
  private final Endpoints endpoints;
  private final ProgressListener progress;

  /**
   * @param providers the providers to map states and scan clouds with
   * @param endpoints endpoint overrides per cloud
   * @param progress receives a line per file read and per scan page
   */
  public InventorySources(Providers providers, Endpoints endpoints, ProgressListener progress) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.endpoints = endpoints == null ? Endpoints.none() : endpoints;
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /**
   * Loads every kind the source holds.
   *
   * @throws dev.cutover.core.CutoverException for an unknown cloud (listing the known ones), a
   *     missing or malformed file, or a failed scan
   */
  public Inventory load(InventorySpec spec) {
    return load(spec, Set.of());
  }

  /**
   * Loads a source; a live scan reads only {@code kinds} (all if empty), files are read whole.
   *
   * @throws dev.cutover.core.CutoverException as {@link #load(InventorySpec)}
   */
  public Inventory load(InventorySpec spec, Set<ResourceKind> kinds) {
    progress.progress("reading " + spec, 0, -1);
    Inventory inventory =
        switch (spec.type()) {
          case STATE -> new StateLoader(providers).load(spec.path()).inventory();
          case SNAPSHOT -> Json.readSnapshot(spec.path());
          case LIVE ->
              provider(spec)
                  .scan(
                      new LiveRequest(
                          spec.location(), kinds, endpoints.forCloud(spec.cloud()), progress));
        };
    progress.progress(
        "read " + spec + ": " + inventory.resources().size() + " resources",
        inventory.resources().size(),
        inventory.resources().size());
    return inventory;
  }

  /** True if {@code spec} is a live cloud whose endpoint is loopback: the sandbox. */
  public boolean readsSandbox(InventorySpec spec) {
    return spec.type() == InventorySpec.Type.LIVE
        && Endpoints.isLoopback(endpoints.forCloud(spec.cloud()));
  }

  /**
   * The provider of a live spec.
   *
   * @throws dev.cutover.core.CutoverException for an unknown cloud, listing the known ones
   */
  public CloudProvider provider(InventorySpec live) {
    return providers.require(live.requireLive("source").cloud());
  }
}
