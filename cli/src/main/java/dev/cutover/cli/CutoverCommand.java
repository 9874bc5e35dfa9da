package dev.cutover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code cutover} command: parity, drift and traffic cutover, read from Terraform. */
@Command(
    name = "cutover",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT, // every subcommand gets --help and --version
    usageHelpAutoWidth = true,
    versionProvider = VersionProvider.class,
    description = {
      "Prove a target cloud matches the source and its Terraform state, then move traffic in"
          + " gated steps with a rollback that restores the last good weights.",
    },
    subcommands = {
      HelpCommand.class,
      StateCommand.class,
      dev.cutover.cli.traffic.SwitchCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  clean: nothing the policy blocks",
      "  1  error: bad input, bad flags, a failed or refused cloud call",
      "  2  findings the policy does not allow (default: any high or medium)",
    })
public final class CutoverCommand implements Runnable {

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
