package dev.cutover.cli.traffic;

import com.sun.net.httpserver.HttpServer;
import dev.cutover.cli.Main;
import dev.cutover.core.traffic.FakeRouter;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.gate.GateResult;
import dev.cutover.core.traffic.journal.Journal;
import dev.cutover.core.traffic.journal.JournalEntry;
import dev.cutover.core.traffic.journal.JournalFiles;
import dev.cutover.core.traffic.journal.JournalView;
import dev.cutover.core.traffic.journal.SwitchState;
import dev.cutover.core.traffic.plan.Durations;
import dev.cutover.sandbox.Sandbox;
import dev.cutover.sandbox.state.InsyncDelay;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the time from a failed gate to verified pre-switch weights: runs {@code cutover switch
 * start} (in-process, the real CLI and engine) with an HTTP gate on a local server, waits until
 * step 1 is live and baking, makes the server answer 503, and reads from the journal when the gate
 * failed and when the restore was verified. Run through {@code bench/switch-rollback.sh}.
 *
 * <p>Options: {@code --record SPEC --blue X --green Y} and {@code --aws-endpoint URL} / {@code
 * --azure-endpoint URL} for a real router (a running sandbox, or a cloud); {@code --sandbox DIR}
 * starts the sandbox of DIR in this JVM and points both endpoints at it; without {@code --record} a
 * file-backed fake router. {@code --insync-delay D} (default 2s): how long a Route 53 change of the
 * fake router or of the {@code --sandbox} stays PENDING. {@code --runs N} (default 5), {@code
 * --interval D} gate interval (default 1s).
 */
public final class RollbackBenchmark {

  private RollbackBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i], args[i + 1]);
    }
    int runs = Integer.parseInt(opts.getOrDefault("--runs", "5"));
    String interval = opts.getOrDefault("--interval", "1s");
    Path work = Files.createTempDirectory("cutover-bench");
    String insyncDelay = opts.getOrDefault("--insync-delay", "2s");
    Sandbox sandbox = null;
    if (opts.containsKey("--sandbox")) {
      // Route 53 changes of this sandbox stay PENDING for the delay (read at each change).
      System.setProperty(InsyncDelay.PROPERTY, insyncDelay);
      sandbox = Sandbox.start(Path.of(opts.get("--sandbox")), 0);
      opts.put("--aws-endpoint", sandbox.endpoint().toString());
      opts.put("--azure-endpoint", sandbox.endpoint().toString());
    }
    List<String> target = new ArrayList<>();
    if (opts.containsKey("--record")) {
      for (String key :
          List.of("--record", "--blue", "--green", "--aws-endpoint", "--azure-endpoint")) {
        if (opts.containsKey(key)) {
          target.add(key);
          target.add(opts.get(key));
        }
      }
    } else {
      Path record = work.resolve("record.json");
      new FakeRouter.FileStore(record)
          .save(
              FakeRouter.State.of(
                      0, new MemberWeight("blue", 100, true), new MemberWeight("green", 0, true))
                  .withInsyncDelay(Durations.parse(insyncDelay, "--insync-delay")));
      target.addAll(List.of("--record", "fake:" + record, "--blue", "blue", "--green", "green"));
    }
    String spec = target.get(target.indexOf("--record") + 1);

    AtomicInteger status = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/healthz",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
    String gate = "http:http://127.0.0.1:" + server.getAddress().getPort() + "/healthz,samples=1";

    List<Long> detect = new ArrayList<>();
    List<Long> restore = new ArrayList<>();
    try {
      for (int run = 1; run <= runs; run++) {
        status.set(200);
        Path journalDir = work.resolve("journal-" + run);
        List<String> argv = new ArrayList<>(List.of("switch", "start"));
        argv.addAll(target);
        argv.addAll(
            List.of(
                "--journal",
                journalDir.toString(),
                "--steps",
                "50,100",
                "--bake",
                "30m",
                "--deadline",
                "1h",
                "--interval",
                interval,
                "--max-ttl",
                "1h",
                "--gate",
                gate,
                "--quiet"));
        CompletableFuture<Integer> start =
            CompletableFuture.supplyAsync(() -> Main.execute(argv.toArray(String[]::new)));
        Path journal = JournalFiles.of(journalDir, spec).journal();
        while (state(journal) != SwitchState.BAKING) {
          if (start.isDone()) {
            throw new IllegalStateException("start ended early with exit " + start.join());
          }
          Thread.sleep(20);
        }
        Instant flipped = Instant.now();
        status.set(503);
        int exit = start.join();
        List<JournalEntry> entries = Journal.read(journal);
        Instant failed =
            entries.stream()
                .filter(
                    e ->
                        e.type() == JournalEntry.Type.GATE
                            && e.verdict() == GateResult.Verdict.FAIL)
                .findFirst()
                .orElseThrow()
                .at();
        Instant verified =
            entries.stream()
                .filter(
                    e ->
                        e.type() == JournalEntry.Type.STATE && e.state() == SwitchState.ROLLED_BACK)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("not rolled back, exit " + exit))
                .at();
        detect.add(Duration.between(flipped, failed).toMillis());
        restore.add(Duration.between(failed, verified).toMillis());
        System.out.printf(
            "run %d: exit %d, gate failed %d ms after the fault, verified restore %d ms after the failed gate%n",
            run, exit, detect.get(detect.size() - 1), restore.get(restore.size() - 1));
      }
    } finally {
      server.stop(0);
      if (sandbox != null) {
        sandbox.close();
      }
    }
    String measured = "fake router, INSYNC after " + insyncDelay;
    if (opts.containsKey("--record")) {
      measured = spec + (sandbox == null ? "" : ", sandbox");
      // --insync-delay is Route 53's GetChange; Traffic Manager confirms synchronously.
      if (sandbox != null && spec.startsWith("route53:")) {
        measured += " (Route 53 INSYNC after " + insyncDelay + ")";
      }
    }
    System.out.printf(
        "%nfailed gate -> verified pre-switch weights: median %d ms, max %d ms over %d runs (%s)%n",
        median(restore),
        restore.stream().mapToLong(Long::longValue).max().orElse(0),
        runs,
        measured);
    System.out.printf(
        "fault -> failed gate (detection, bounded by --interval %s): median %d ms%n",
        interval, median(detect));
    System.out.println("reproduce: bench/switch-rollback.sh " + String.join(" ", args));
  }

  private static SwitchState state(Path journal) {
    if (!Files.exists(journal)) {
      return null;
    }
    return JournalView.lastRun(Journal.read(journal)).map(JournalView::state).orElse(null);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }
}
