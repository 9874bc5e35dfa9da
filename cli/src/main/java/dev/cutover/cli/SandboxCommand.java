package dev.cutover.cli;

import dev.cutover.core.json.Json;
import dev.cutover.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutover sandbox}: the emulated AWS and Azure APIs on loopback, in the foreground. */
@Command(
    name = "sandbox",
    description = {
      "Serve emulated AWS and Azure APIs on 127.0.0.1 from WireMock mapping files"
          + " (DIR/mappings/*.json, bodies in DIR/__files/) until interrupted (Ctrl-C).",
      "Prints the endpoint and the flags or environment variables that send other commands there.",
    })
final class SandboxCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "Directory with mappings/ and __files/ (e.g. environments/staging/sandbox).")
  Path dir;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 (the default) picks a free one.")
  int port;

  /**
   * What a script needs to use a running sandbox (the {@code --format json} output).
   *
   * @param endpoint the base URL serving both clouds
   * @param dir the directory served
   * @param flags the command-line flags to pass to other commands
   * @param environment the shell line that exports the same endpoints
   */
  record Started(String endpoint, String dir, String flags, String environment) {}

  @Override
  public Integer call() {
    CountDownLatch stopped = new CountDownLatch(1);
    boolean interrupted = false;
    try (Sandbox sandbox = Sandbox.start(dir, port)) {
      String endpoint = sandbox.endpoint().toString();
      Started started =
          new Started(
              endpoint,
              dir.toString(),
              "--aws-endpoint " + endpoint + " --azure-endpoint " + endpoint,
              "export AWS_ENDPOINT_URL="
                  + endpoint
                  + " "
                  + CloudOptions.AZURE_ENDPOINT_ENV
                  + "="
                  + endpoint);
      output.emit(
          spec,
          switch (output.format()) {
            case json -> Json.write(started);
            case table ->
                "sandbox: serving "
                    + dir
                    + " on "
                    + endpoint
                    + " (AWS and Azure on one port)\n"
                    + "flags:   "
                    + started.flags()
                    + "\n"
                    + "or:      "
                    + started.environment()
                    + "\n";
          });
      Console.notice(spec, "sandbox: running; press Ctrl-C to stop");
      Thread hook = new Thread(stopped::countDown, "cutover-sandbox-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stopped.await();
      } catch (InterruptedException e) {
        // Stop like Ctrl-C; the flag is restored once the server is down (Jetty's stop would
        // give up early on an interrupted thread).
        interrupted = true;
      } finally {
        removeHook(hook);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook has run, nothing to undo.
    }
  }
}
