package dev.cutover.cli;

import dev.cutover.core.CutoverException;
import dev.cutover.core.compare.Report;
import dev.cutover.core.json.Json;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.policy.Policy;
import dev.cutover.core.report.ReportRenderer;
import dev.cutover.core.report.ResourceTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --out}: what every command that prints results takes. */
public final class OutputOptions {

  /** Output formats. Renderers beyond table and json are added per command. */
  public enum Format {
    table,
    json
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  Format format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the result to FILE (replaced atomically) instead of stdout.")
  Path out;

  public Format format() {
    return format;
  }

  /** Writes a resource list: the table, or the JSON resource list (a snapshot). */
  public void emit(CommandSpec spec, Inventory inventory) {
    emit(
        spec,
        switch (format) {
          case json -> Json.writeInventory(inventory);
          case table -> ResourceTable.render(inventory);
        });
  }

  /**
   * Renders a comparison report without the findings the policy ignores, in the chosen format,
   * writes it like {@link #emit(CommandSpec, String)}, and returns the exit code the policy gives
   * it (0 clean, 2 blocked). The table's severity headings are coloured on a terminal, except with
   * {@code --no-color} or {@code --out}.
   */
  public int emit(CommandSpec spec, Report report, Policy policy) {
    Report shown = policy.apply(report);
    emit(
        spec,
        switch (format) {
          case json -> ReportRenderer.json(shown);
          case table -> ReportRenderer.table(shown, colour(spec));
        });
    return policy.exitCode(shown);
  }

  /**
   * True if stdout takes ANSI colour: no {@code --out}, no {@code --no-color}, and picocli's {@link
   * CommandLine.Help.Ansi#AUTO} finds a terminal (not with {@code NO_COLOR} set or stdout
   * redirected; {@code -Dpicocli.ansi=true} forces it).
   */
  private boolean colour(CommandSpec spec) {
    return out == null && !Console.global(spec).noColor && CommandLine.Help.Ansi.AUTO.enabled();
  }

  /**
   * Writes the rendered result to {@code --out} (through a temporary file, then a rename, so a
   * reader never sees half a report) or to the command's stdout.
   */
  public void emit(CommandSpec spec, String text) {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(text);
      stdout.flush();
      return;
    }
    writeAtomically(out, text);
  }

  /**
   * Writes {@code text} to {@code file} through a temporary file in the same directory and a
   * rename, creating the directory if needed, so that a reader never sees half a file. If it fails,
   * the temporary file is removed.
   *
   * @throws CutoverException naming the file if it cannot be written
   */
  static void writeAtomically(Path file, String text) {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".cutover-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw new CutoverException(file + ": cannot write output: " + e.getMessage(), e);
    }
  }
}
