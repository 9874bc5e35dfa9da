package dev.cutover.cli;

import dev.cutover.core.CutoverException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code cutover} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = execute(args);
    } catch (OutOfMemoryError e) {
      // Not carried on from: the run ends here, but with one line and a way out, not a trace.
      long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      System.err.println("error: out of memory (Java heap of " + heapMiB + " MiB)");
      System.err.println(
          "hint: give the JVM more heap, e.g. JAVA_OPTS=-Xmx2g ./cutover ... (or"
              + " JAVA_TOOL_OPTIONS=-Xmx2g with java -jar)");
      if (Logging.debugIn(args)) {
        e.printStackTrace();
      }
      exitCode = CutoverException.EXIT_CODE;
    }
    System.exit(exitCode);
  }

  /**
   * Runs one command line and returns its exit code; used by tests and {@link #main}. Logging is
   * configured first, before any class creates a logger.
   */
  public static int execute(String... args) {
    Logging.configure(Logging.debugIn(args));
    return newCommandLine().execute(args);
  }

  /**
   * The configured command line: usage errors and every exception end as one line on stderr and
   * exit code 1 ({@link CutoverException#EXIT_CODE}); findings the policy does not allow exit 2.
   */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new CutoverCommand());
    commandLine.setParameterExceptionHandler(Main::onParameterError);
    commandLine.setExecutionExceptionHandler(Main::onExecutionError);
    commandLine.setExitCodeExceptionMapper(e -> CutoverException.EXIT_CODE);
    return commandLine;
  }

  /** picocli's own usage-error code is 2, which here means "findings": bad flags exit 1. */
  private static int onParameterError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println("run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
    }
    return CutoverException.EXIT_CODE;
  }

  private static int onExecutionError(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean debug = Console.global(cmd.getCommandSpec()).debug;
    if (debug) {
      e.printStackTrace(err);
    }
    if (e instanceof CutoverException ce) {
      err.println("error: " + ce.getMessage());
      if (ce.suggestion() != null) {
        err.println("hint: " + ce.suggestion());
      }
    } else {
      // Not ours: a bug. Say so in one line and point at --debug rather than dump a trace.
      String detail = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + detail);
      if (!debug) {
        err.println("hint: run again with --debug for the stack trace, and report it");
      }
    }
    err.flush();
    return CutoverException.EXIT_CODE;
  }
}
