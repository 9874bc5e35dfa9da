package dev.cutover.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A set of canonical resources from one place: a Terraform state, a live account or subscription,
 * or a snapshot file. Resources are kept in a stable order (kind, then id) so output is sorted.
 *
 * @param source where it came from, for messages ({@code state:envs/aws.tfstate}, {@code
 *     aws:us-east-1})
 * @param resources the resources
 */
public record Inventory(String source, List<Resource> resources) {

  private static final Comparator<Resource> ORDER =
      Comparator.comparing((Resource r) -> r.kind().ordinal())
          .thenComparing(r -> r.meta().idKey())
          .thenComparing(r -> String.valueOf(r.meta().address()));

  public Inventory {
    Objects.requireNonNull(source, "source");
    resources = resources == null ? List.of() : resources.stream().sorted(ORDER).toList();
  }

  /** The resources of one kind. */
  public <T extends Resource> Stream<T> ofType(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast);
  }
}
