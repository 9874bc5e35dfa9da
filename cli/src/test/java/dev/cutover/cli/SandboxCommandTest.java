package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cutover.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cutover sandbox}: serves the mapping files until interrupted, and says where. */
class SandboxCommandTest {

  @TempDir Path tmp;

  @Test
  void sandbox_runsUntilInterrupted_andPrintsEndpointFlagsAndExports() throws Exception {
    Files.createDirectories(tmp.resolve("mappings"));
    Files.writeString(
        tmp.resolve("mappings/hello.json"),
        "{\"request\": {\"method\": \"GET\", \"url\": \"/hello\"},"
            + " \"response\": {\"status\": 200, \"body\": \"hi\"}}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                exitCode.set(
                    commandLine.execute("sandbox", "--dir", tmp.toString(), "--format", "json")));
    runner.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!err.toString().contains("press Ctrl-C") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      JsonNode started = Json.mapper().readTree(out.toString());
      String endpoint = started.get("endpoint").asText();
      assertThat(endpoint).startsWith("http://127.0.0.1:");
      assertThat(started.get("flags").asText())
          .isEqualTo("--aws-endpoint " + endpoint + " --azure-endpoint " + endpoint);
      assertThat(started.get("environment").asText())
          .isEqualTo("export AWS_ENDPOINT_URL=" + endpoint + " CUTOVER_AZURE_ENDPOINT=" + endpoint);

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint + "/hello")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("hi");
    } finally {
      runner.interrupt();
      runner.join(Duration.ofSeconds(30).toMillis());
    }
    assertThat(runner.isAlive()).isFalse();
    assertThat(exitCode.get()).as(err.toString()).isZero();
  }
}
