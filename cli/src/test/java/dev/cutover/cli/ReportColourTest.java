package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table report colours its severity headings on a terminal, and not with {@code --no-color},
 * {@code --out} or a redirected stdout. {@code picocli.ansi=true} stands for the terminal (tests
 * have none); the drift of the test cloud {@code fixture} against an empty live side has one medium
 * finding, its network missing.
 */
class ReportColourTest {

  private static final String MEDIUM_IN_YELLOW = "\u001b[33mMEDIUM (1)\u001b[0m";

  @TempDir Path tmp;

  private String ansiBefore;
  private Path emptyLive;

  @BeforeEach
  void setUp() throws IOException {
    ansiBefore = System.getProperty("picocli.ansi");
    emptyLive =
        Files.writeString(tmp.resolve("live.json"), "{\"schemaVersion\": 1, \"resources\": []}");
  }

  @AfterEach
  void restore() {
    if (ansiBefore == null) {
      System.clearProperty("picocli.ansi");
    } else {
      System.setProperty("picocli.ansi", ansiBefore);
    }
  }

  private CliRun drift(String... extra) {
    String[] args = {
      "drift",
      "--state",
      TestFiles.fixture("fixture/terraform.tfstate").toString(),
      "--live",
      "fixture:" + emptyLive,
      "--quiet"
    };
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.of(all);
  }

  @Test
  void drift_tableOnATerminal_coloursTheSeverityHeading() {
    System.setProperty("picocli.ansi", "true");

    CliRun run = drift();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains(MEDIUM_IN_YELLOW);
  }

  @Test
  void drift_noColor_writesPlainText() {
    System.setProperty("picocli.ansi", "true");

    CliRun run = drift("--no-color");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("MEDIUM (1)").doesNotContain("\u001b[");
  }

  @Test
  void drift_out_writesPlainTextEvenOnATerminal() throws IOException {
    System.setProperty("picocli.ansi", "true");
    Path file = tmp.resolve("drift.txt");

    CliRun run = drift("--out", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(Files.readString(file)).contains("MEDIUM (1)").doesNotContain("\u001b[");
  }

  @Test
  void drift_stdoutNotATerminal_writesPlainText() {
    System.clearProperty("picocli.ansi");

    CliRun run = drift();

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains("MEDIUM (1)").doesNotContain("\u001b[");
  }
}
