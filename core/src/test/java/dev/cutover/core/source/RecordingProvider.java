package dev.cutover.core.source;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Network;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.spi.CloudProvider;
import dev.cutover.core.spi.LiveRequest;
import dev.cutover.core.spi.StateMapper;
import dev.cutover.core.terraform.StateResource;
import java.util.ArrayList;
import java.util.List;

/**
 * A test cloud: maps {@code <id>_vpc} instances ({@code id}, {@code cidr_block}) to networks and
 * answers a scan with fixed resources, recording the requests it gets.
 */
final class RecordingProvider implements CloudProvider {

  private final String id;
  private final List<Resource> live;
  final List<LiveRequest> requests = new ArrayList<>();

  RecordingProvider(String id, List<Resource> live) {
    this.id = id;
    this.live = live;
  }

  static Network network(String cloud, String id, String cidr) {
    return new Network(ResourceMeta.of(cloud, id, id, "test"), List.of(cidr));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public StateMapper stateMapper() {
    return new StateMapper() {
      @Override
      public boolean handles(String terraformType) {
        return terraformType.equals(id + "_vpc");
      }

      @Override
      public List<Resource> map(List<StateResource> instances) {
        return instances.stream()
            .filter(i -> i.string("id") != null)
            .<Resource>map(
                i ->
                    new Network(
                        ResourceMeta.of(id, i.string("id"), null, i.type())
                            .withAddress(i.address()),
                        List.of(i.string("cidr_block"))))
            .toList();
      }
    };
  }

  @Override
  public Inventory scan(LiveRequest request) {
    requests.add(request);
    return new Inventory(id + ":" + request.location(), live);
  }
}
