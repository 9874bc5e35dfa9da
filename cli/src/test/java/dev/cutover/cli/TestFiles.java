package dev.cutover.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of test documents and of the repository's environments. */
final class TestFiles {

  private TestFiles() {}

  /** A file under {@code src/test/resources/fixtures/}. */
  static Path fixture(String relative) {
    try {
      return Path.of(TestFiles.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test fixture " + relative, e);
    }
  }

  /** The repository's {@code environments/NAME} (tests run in the {@code cli} module directory). */
  static Path environment(String name) {
    return Path.of("..", "environments", name).toAbsolutePath().normalize();
  }
}
