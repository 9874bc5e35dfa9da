package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code cutover} command line in-process, as {@link Main#execute} runs it, with
 * stdout and stderr captured.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    Logging.configure(Logging.debugIn(args));
    CommandLine commandLine = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /**
   * Asserts the contract for bad input and failed cloud calls: exit code 1, exactly one {@code
   * error:} line on stderr containing every fragment, no stack trace, nothing on stdout.
   */
  CliRun assertFailsWithOneLine(String... fragments) {
    assertThat(exitCode).as(toString()).isEqualTo(1);
    assertThat(errorLines()).as(toString()).isEqualTo(1);
    assertThat(showsStackTrace()).as(toString()).isFalse();
    assertThat(out).as(toString()).isEmpty();
    for (String fragment : fragments) {
      assertThat(err).as(toString()).contains(fragment);
    }
    return this;
  }

  /** The stderr lines that report an error ({@code error: ...}). */
  long errorLines() {
    return err.lines().filter(l -> l.startsWith("error: ")).count();
  }

  /** True if stderr or stdout shows a Java stack trace or exception class name. */
  boolean showsStackTrace() {
    String both = out + err;
    return both.contains("\tat ")
        || both.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*");
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
