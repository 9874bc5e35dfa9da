package dev.cutover.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cutover.core.model.Resource;
import dev.cutover.core.model.ResourceKind;

/**
 * Which resource a finding is about, on one side.
 *
 * @param cloud provider id
 * @param kind canonical kind
 * @param id the cloud's id
 * @param address the Terraform address, when the side came from state
 * @param name the resource name, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRef(String cloud, ResourceKind kind, String id, String address, String name) {

  public static ResourceRef of(Resource resource) {
    return new ResourceRef(
        resource.meta().cloud(),
        resource.kind(),
        resource.meta().id(),
        resource.meta().address(),
        resource.meta().name());
  }

  /**
   * How a person refers to it: the address when known, else the name followed by the id in
   * parentheses, else the id.
   */
  public String label() {
    if (address != null) {
      return address;
    }
    return name != null ? name + " (" + id + ")" : id;
  }
}
