package dev.cutover.core.traffic.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.MemberWeight;
import dev.cutover.core.traffic.WeightSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  static final WeightSnapshot WEIGHTS =
      new WeightSnapshot(
          List.of(new MemberWeight("aws", 95, true), new MemberWeight("azure", 5, true)), 60);

  @TempDir Path dir;

  @Test
  void append_eachLineIsOneJsonObject_readBackEqual() throws IOException {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      journal.append(
          JournalEntry.intent(AT, "r1", JournalEntry.APPLY, 1, WEIGHTS, AT.plusSeconds(1800)));
      journal.append(
          JournalEntry.outcome(
              AT,
              "r1",
              JournalEntry.APPLY,
              1,
              new ChangeReceipt("C2B4D6F8", "PENDING", AT, "2 UPSERTs")));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"seq\":1,\"at\":\"2026-03-01T10:00:00Z\",\"type\":\"intent\",\"runId\":\"r1\","
                + "\"action\":\"apply\",\"step\":1,\"weights\":{\"members\":[{\"id\":\"aws\",\"weight\":95,\"enabled\":true},"
                + "{\"id\":\"azure\",\"weight\":5,\"enabled\":true}],\"ttlSeconds\":60},"
                + "\"deadline\":\"2026-03-01T10:30:00Z\"}");
    assertThat(Journal.read(file).get(1).receipt().changeId()).isEqualTo("C2B4D6F8");
  }

  @Test
  void tornLastLine_readersSkipIt_openDropsItSoTheNextLineStandsAlone() throws IOException {
    Path file = dir.resolve("j.jsonl");
    try (Journal journal = Journal.open(file)) {
      journal.append(JournalEntry.note(AT, "r1", "first"));
    }
    String torn = "{\"seq\":2,\"at\":\"2026-03-01T10:0";
    Files.writeString(file, torn, StandardOpenOption.APPEND);

    assertThat(Journal.read(file)).extracting(JournalEntry::detail).containsExactly("first");
    try (Journal journal = Journal.open(file)) {
      assertThat(journal.droppedBytes()).isEqualTo(torn.length());
      journal.append(JournalEntry.note(AT, "r1", "second"));
    }
    assertThat(Journal.read(file)).extracting(JournalEntry::seq).containsExactly(1L, 2L);
  }

  @Test
  void damagedLineBeforeTheLast_isCorruption() throws IOException {
    Path file = dir.resolve("j.jsonl");
    Files.writeString(file, "{\"seq\":1\n" + "{}\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Journal.read(file))
        .isInstanceOf(CutoverException.class)
        .hasMessageContaining("j.jsonl:1: not a journal line");
  }

  @Test
  void lock_secondAcquireSaysWhoHoldsIt_freeAfterClose() {
    JournalFiles files = JournalFiles.of(dir, "route53:Z1/www.example.com/A");
    Holder first = new Holder("host-a", 101, AT, "start");

    try (SwitchLock lock = SwitchLock.acquire(files, first)) {
      assertThat(lock.holder()).isEqualTo(first);
      assertThat(SwitchLock.holderOf(files)).contains(first);
      assertThatThrownBy(() -> SwitchLock.acquire(files, new Holder("host-b", 202, AT, "start")))
          .isInstanceOf(CutoverException.class)
          .hasMessageContaining(
              "locked by switch start on host-a (pid 101) since 2026-03-01T10:00:00Z");
    }
    assertThat(SwitchLock.holderOf(files)).isEmpty();
    assertThat(files.key()).startsWith("route53_Z1_www.example.com_A-");
  }

  @Test
  void requests_onlyForTheirRunAndNotYetTaken() {
    JournalFiles files = JournalFiles.of(dir, "fake:x");
    ControlRequests requests = new ControlRequests(files);
    ControlRequests.Request mine = requests.send(ControlRequests.Action.PAUSE, "r1", "h/1", AT);
    requests.send(ControlRequests.Action.ROLLBACK, "r0", "h/1", AT);
    ControlRequests.Request later = requests.send(ControlRequests.Action.RESUME, "r1", "h/1", AT);

    assertThat(requests.pending("r1", java.util.Set.of(mine.id()))).containsExactly(later);
  }
}
