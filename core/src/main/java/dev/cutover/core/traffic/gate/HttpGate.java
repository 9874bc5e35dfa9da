package dev.cutover.core.traffic.gate;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code http:URL[,status=200][,latency=2s][,samples=3]}: GETs the URL {@code samples} times, one
 * after the other; every answer must have the expected status within the latency limit. A
 * connection error or a timeout (the latency limit plus one second) fails the sample. Redirects are
 * not followed: a 301 is a different status.
 */
public final class HttpGate implements Gate {

  private final GateSpec.Http spec;
  private final HttpClient client;

  public HttpGate(GateSpec.Http spec) {
    this.spec = spec;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(spec.latency().plusSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return spec.text();
  }

  @Override
  public GateResult evaluate(Instant since, Instant now, boolean last) {
    HttpRequest request =
        HttpRequest.newBuilder(spec.url())
            .timeout(spec.latency().plusSeconds(1))
            .header("User-Agent", "cutover-switch-gate")
            .GET()
            .build();
    long slowest = 0;
    for (int i = 1; i <= spec.samples(); i++) {
      long start = System.nanoTime();
      int status;
      try {
        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        return sampleFailed(i, "no answer: " + describe(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return GateResult.fail(name(), "interrupted");
      }
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      slowest = Math.max(slowest, millis);
      if (status != spec.status()) {
        return sampleFailed(
            i, "HTTP " + status + " in " + millis + " ms (expected " + spec.status() + ")");
      }
      if (millis > spec.latency().toMillis()) {
        return sampleFailed(i, millis + " ms (limit " + spec.latency().toMillis() + " ms)");
      }
    }
    return GateResult.pass(
        name(),
        spec.samples()
            + "/"
            + spec.samples()
            + " HTTP "
            + spec.status()
            + ", slowest "
            + slowest
            + " ms");
  }

  private GateResult sampleFailed(int sample, String why) {
    return GateResult.fail(name(), "sample " + sample + "/" + spec.samples() + ": " + why);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
