package dev.cutover.aws;

import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import dev.cutover.core.spi.Providers;
import dev.cutover.core.terraform.StateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real documents under {@code src/test/resources} (see the SOURCES.md files beside them). */
final class Fixtures {

  private Fixtures() {}

  static Path path(String resource) {
    URL url = Fixtures.class.getResource("/" + resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String resource) {
    try {
      return Files.readString(path(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A state file read through the AWS provider alone, as {@code cutover state} reads it. */
  static Inventory state(String resource) {
    return new StateLoader(Providers.of(new AwsProvider())).load(path(resource)).inventory();
  }

  /** The one resource with this id (case-insensitive) and type. */
  static <T extends Resource> T byId(Inventory inventory, Class<T> type, String id) {
    return inventory
        .ofType(type)
        .filter(r -> r.meta().id().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + id));
  }
}
