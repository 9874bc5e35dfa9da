package dev.cutover.cli;

import dev.cutover.core.spi.ProgressListener;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Progress and notices on stderr: results go to stdout only, through {@link OutputOptions}. */
final class Console {

  private Console() {}

  /** The global options of the command line {@code spec} belongs to. */
  static GlobalOptions global(CommandSpec spec) {
    return ((CutoverCommand) spec.root().userObject()).global;
  }

  /** A line per progress report on stderr, or nothing with {@code --quiet}. */
  static ProgressListener progress(CommandSpec spec) {
    if (global(spec).quiet) {
      return ProgressListener.NONE;
    }
    PrintWriter err = spec.commandLine().getErr();
    return (phase, done, total) -> {
      StringBuilder line = new StringBuilder(phase);
      if (total >= 0 && done != total) {
        line.append(" (").append(done).append('/').append(total).append(')');
      } else if (total < 0 && done > 0) {
        line.append(" (").append(done).append(')');
      }
      err.println(line);
      err.flush();
    };
  }

  /** A notice on stderr that the user should see even with {@code --quiet}. */
  static void notice(CommandSpec spec, String text) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(text);
    err.flush();
  }
}
