package dev.cutover.sandbox;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.cutover.core.CutoverException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Emulated AWS and Azure control planes on loopback: a WireMock server serving standard mapping
 * files ({@code DIR/mappings/*.json}, bodies in {@code DIR/__files/}). AWS (Query and REST-XML
 * protocols) and Azure Resource Manager requests do not overlap, so one port serves both: use
 * {@link #endpoint()} as {@code --aws-endpoint} and {@code --azure-endpoint}.
 *
 * <p>Stateful behaviour (weight changes that later reads reflect) comes from the extensions in
 * {@link SandboxExtensions}.
 */
public final class Sandbox implements AutoCloseable {

  private final WireMockServer server;

  private Sandbox(WireMockServer server) {
    this.server = server;
  }

  /**
   * Starts a sandbox on {@code 127.0.0.1}.
   *
   * @param dir a directory with {@code mappings/} (and optionally {@code __files/})
   * @param port the port, or 0 for any free port
   * @throws CutoverException if the directory has no {@code mappings/} or the port is taken
   */
  public static Sandbox start(Path dir, int port) {
    if (!Files.isDirectory(dir.resolve("mappings"))) {
      throw new CutoverException(
          dir + ": not a sandbox directory (expected " + dir.resolve("mappings") + "/)");
    }
    WireMockConfiguration config =
        options()
            .bindAddress("127.0.0.1")
            .port(port)
            // One acceptor and a small pool: a demo and test server, and Jetty warns when the
            // acceptors outnumber the processors (2 on CI machines).
            .jettyAcceptors(1)
            .containerThreads(16)
            .usingFilesUnderDirectory(dir.toString())
            .disableRequestJournal()
            .extensions(SandboxExtensions.all());
    WireMockServer server = new WireMockServer(config);
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new CutoverException(
          "cannot start the sandbox on 127.0.0.1:" + port + ": " + rootMessage(e), e);
    }
    return new Sandbox(server);
  }

  /** The base URL serving both clouds, e.g. {@code http://127.0.0.1:8443}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
