package dev.cutover.cli.traffic;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.cli.Main;
import dev.cutover.core.traffic.FakeRouter;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.WeightSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Test helpers: a fake record file, its weights, and the CLI run in-process with captured output.
 */
final class SwitchCli {

  static final WeightSnapshot PRE =
      new WeightSnapshot(
          List.of(new MemberWeight("blue", 100, true), new MemberWeight("green", 0, true)), 0);

  private SwitchCli() {}

  /** One in-process run. */
  record Run(int exit, String out, String err) {}

  /**
   * The command line that runs {@code cutover ARGS} in a child JVM with the test class path (C1
   * only, for a faster start): for tests that kill the CLI with SIGKILL.
   */
  static List<String> childCommand(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.cutover.cli.Main");
    cmd.addAll(args);
    return cmd;
  }

  static Run run(String... args) {
    CommandLine cmd = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Writes a fake record at blue 100 / green 0, TTL 0 s (so that bakes are short). */
  static Path record(Path dir) {
    Path file = dir.resolve("record.json");
    new FakeRouter.FileStore(file)
        .save(FakeRouter.State.of(PRE.ttlSeconds(), PRE.members().toArray(MemberWeight[]::new)));
    return file;
  }

  static FakeRouter.State state(Path record) {
    return new FakeRouter.FileStore(record).load();
  }

  static void update(Path record, java.util.function.UnaryOperator<FakeRouter.State> change) {
    FakeRouter.FileStore store = new FakeRouter.FileStore(record);
    store.save(change.apply(store.load()));
  }

  static Path metric(Path dir, String name, double... values) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, JsonMapper.builder().build().writeValueAsString(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
