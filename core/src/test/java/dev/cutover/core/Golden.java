package dev.cutover.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: exact text, or, with {@code -Dcutover.regenerate=true}, rewrite the file
 * (then review the diff before committing).
 */
public final class Golden {

  /** The system property that regenerates golden files. */
  public static final String REGENERATE = "cutover.regenerate";

  private Golden() {}

  /**
   * @param file the committed file, relative to the module directory (where Maven runs tests)
   */
  public static void assertMatches(Path file, String actual) throws IOException {
    if (Boolean.getBoolean(REGENERATE)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.exists(file))
        .as("%s does not exist; create it with -D%s=true", file, REGENERATE)
        .isTrue();
    assertThat(actual)
        .as(
            "%s differs from the generated text; regenerate with -D%s=true and review the diff",
            file, REGENERATE)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
