package dev.cutover.core.spi;

import dev.cutover.core.CutoverException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The {@link CloudProvider}s on the class path, found through {@link ServiceLoader}. */
public final class Providers {

  private final List<CloudProvider> providers;

  private Providers(List<CloudProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /** The providers registered on the class path of this class's loader. */
  public static Providers load() {
    return new Providers(
        ServiceLoader.load(CloudProvider.class, Providers.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList());
  }

  /** A fixed set (tests). */
  public static Providers of(CloudProvider... providers) {
    return new Providers(List.of(providers));
  }

  public List<CloudProvider> all() {
    return providers;
  }

  public Optional<CloudProvider> find(String id) {
    return providers.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
  }

  /**
   * The provider with this id.
   *
   * @throws CutoverException listing the known ids if there is none
   */
  public CloudProvider require(String id) {
    return find(id)
        .orElseThrow(
            () -> new CutoverException("unknown cloud '" + id + "'; known clouds: " + ids()));
  }

  /** The known ids, comma-separated, for messages. */
  public String ids() {
    return providers.stream().map(CloudProvider::id).collect(Collectors.joining(", "));
  }
}
