package dev.cutover.azure;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.management.SubResource;
import dev.cutover.azure.canonical.AzureIds;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.ResourceMeta;
import dev.cutover.core.spi.ProgressListener;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Walks ARM list operations page by page ({@code nextLink}), reports one progress step per page,
 * and translates SDK errors once, here, with the RBAC action of the call ({@link AzureErrors}).
 * Mapping errors of the items are not SDK errors and pass through untouched.
 */
final class ArmPages {

  private final AzureLocation location;
  private final ProgressListener progress;

  ArmPages(AzureLocation location, ProgressListener progress) {
    this.location = location;
    this.progress = progress;
  }

  /**
   * Hands every item of every page of a list operation to {@code sink}.
   *
   * @param operation what is listed, for progress ({@code "list network security groups"})
   * @param action the RBAC action the call needs ({@code
   *     Microsoft.Network/networkSecurityGroups/read})
   * @param list starts the list operation
   * @throws CutoverException translated from the SDK's error, naming the action and the scope
   */
  <T> void each(
      String operation, String action, Supplier<PagedIterable<T>> list, Consumer<T> sink) {
    String phase = "azure " + location + ": " + operation;
    Iterator<PagedResponse<T>> pages;
    try {
      pages = list.get().iterableByPage().iterator();
    } catch (RuntimeException e) {
      throw translate(e, action);
    }
    long done = 0;
    while (true) {
      PagedResponse<T> page;
      try {
        if (!pages.hasNext()) {
          break;
        }
        page = pages.next();
      } catch (RuntimeException e) {
        throw translate(e, action);
      }
      page.getValue().forEach(sink);
      progress.progress(phase, ++done, -1);
    }
  }

  private CutoverException translate(RuntimeException e, String action) {
    return AzureErrors.translate(e, action, location.scope());
  }

  /**
   * As {@link #each}, for a list operation that exists per subscription and per resource group:
   * calls {@code byGroup} when the location names a resource group, else {@code all}.
   */
  <T> void inScope(
      String operation,
      String action,
      Supplier<PagedIterable<T>> all,
      Function<String, PagedIterable<T>> byGroup,
      Consumer<T> sink) {
    String group = location.resourceGroup();
    each(operation, action, () -> group == null ? all.get() : byGroup.apply(group), sink);
  }

  /** The meta of a live ARM resource. */
  static ResourceMeta meta(
      String id, String name, String nativeType, String region, Map<String, String> tags) {
    return new ResourceMeta(AzureIds.CLOUD, id, name, null, nativeType, region, tags);
  }

  /** The name a sub-resource reference points to (the last segment of its id), or null. */
  static String ref(SubResource reference) {
    return reference == null ? null : AzureIds.name(reference.id());
  }

  /** An ARM string enum ({@code ExpandableStringEnum}) as text, or null. */
  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
