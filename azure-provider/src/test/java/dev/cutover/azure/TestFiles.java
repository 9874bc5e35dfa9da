package dev.cutover.azure;

import dev.cutover.core.model.Database;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.Providers;
import dev.cutover.core.terraform.StateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Test resources: states through the real loader, documents as text. */
final class TestFiles {

  private TestFiles() {}

  static Path path(String resource) {
    try {
      return Path.of(TestFiles.class.getResource("/" + resource).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + resource, e);
    }
  }

  static String text(String resource) {
    try {
      return Files.readString(path(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A state file loaded through {@link StateLoader} with the Azure provider only. */
  static StateLoader.Loaded loadState(String resource) {
    return new StateLoader(Providers.of(new AzureProvider())).load(path(resource));
  }

  /**
   * A database's canonical figures in one list, for one assertion: engine, engineVersion,
   * instanceClass, vcpus, memoryGiB, storageGiB, highAvailability, backupRetentionDays,
   * storageEncrypted, publicAccess, tlsEnforced.
   */
  static List<Object> figures(Database d) {
    return Arrays.asList(
        d.engine(),
        d.engineVersion(),
        d.instanceClass(),
        d.vcpus(),
        d.memoryGiB(),
        d.storageGiB(),
        d.highAvailability(),
        d.backupRetentionDays(),
        d.storageEncrypted(),
        d.publicAccess(),
        d.tlsEnforced());
  }

  static <T extends Resource> T byId(Inventory inventory, Class<T> type, String id) {
    return inventory
        .ofType(type)
        .filter(r -> r.meta().id().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + id));
  }
}
