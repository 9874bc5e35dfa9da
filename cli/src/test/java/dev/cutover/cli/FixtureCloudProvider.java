package dev.cutover.cli;

import dev.cutover.core.CutoverException;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.terraform.StateResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cloud {@code fixture}, for CLI tests that must not depend on the real providers, registered
 * through this module's test {@code META-INF/services}.
 *
 * <ul>
 *   <li>Live: the location is the path of a snapshot file; {@link #scan} returns its resources of
 *       the requested kinds, so a test writes the "live cloud" it wants.
 *   <li>State: {@code fixture_network} instances ({@code id}, {@code name}, {@code cidr_block})
 *       become networks.
 * </ul>
 *
 * <p>The last request is kept in {@link #lastRequest} so tests can check what the CLI asked for.
 */
public final class FixtureCloudProvider implements CloudProvider {

  static volatile LiveRequest lastRequest;

  @Override
  public String id() {
    return "fixture";
  }

  @Override
  public StateMapper stateMapper() {
    return new StateMapper() {
      @Override
      public boolean handles(String terraformType) {
        return terraformType.equals("fixture_network");
      }

      @Override
      public List<Resource> map(List<StateResource> instances) {
        List<Resource> resources = new ArrayList<>();
        for (StateResource instance : instances) {
          resources.add(
              new Network(
                  new ResourceMeta(
                      "fixture",
                      instance.string("id"),
                      instance.string("name"),
                      instance.address(),
                      instance.type(),
                      null,
                      null),
                  List.of(instance.string("cidr_block"))));
        }
        return resources;
      }
    };
  }

  @Override
  public Inventory scan(LiveRequest request) {
    lastRequest = request;
    if (request.location().isBlank()) {
      throw new CutoverException("fixture: empty location");
    }
    Inventory snapshot = Json.readSnapshot(Path.of(request.location()));
    return new Inventory(
        "fixture:" + request.location(),
        snapshot.resources().stream().filter(r -> request.wants(r.kind())).toList());
  }
}
