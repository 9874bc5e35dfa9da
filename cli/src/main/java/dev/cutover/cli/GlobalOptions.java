package dev.cutover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes: {@code --debug}, {@code --quiet}, {@code --no-color}. */
public final class GlobalOptions {

  @Option(
      names = "--debug",
      description = "Show stack traces and debug logs on stderr.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on stderr; only results and errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  @Option(
      names = "--no-color",
      description = "No ANSI colours (also when NO_COLOR is set or stdout is not a terminal).",
      scope = CommandLine.ScopeType.INHERIT)
  boolean noColor;
}
