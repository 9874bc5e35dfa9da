package dev.cutover.core.traffic.journal;

import dev.cutover.core.traffic.ChangeReceipt;
import dev.cutover.core.traffic.RecordRef;
import dev.cutover.core.traffic.WeightSnapshot;
import dev.cutover.core.traffic.plan.SwitchPlan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the journal says about the last run of a record: read by {@code status}, and by {@code
 * resume}, {@code rollback} and {@code reconcile} to pick up where a runner stopped.
 *
 * @param entries the run's entries, from its {@code begin} line on
 */
public record JournalView(List<JournalEntry> entries) {

  public JournalView {
    entries = List.copyOf(entries);
    if (entries.isEmpty() || entries.get(0).type() != JournalEntry.Type.BEGIN) {
      throw new IllegalArgumentException("a run starts with its begin entry");
    }
  }

  /** The last run in a journal's entries; empty if the journal has none. */
  public static Optional<JournalView> lastRun(List<JournalEntry> all) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).type() == JournalEntry.Type.BEGIN) {
        return Optional.of(new JournalView(all.subList(i, all.size())));
      }
    }
    return Optional.empty();
  }

  public JournalEntry begin() {
    return entries.get(0);
  }

  public String runId() {
    return begin().runId();
  }

  public SwitchPlan plan() {
    return begin().plan();
  }

  public RecordRef record() {
    return plan().record();
  }

  /** The weights before step 1, which a rollback restores. */
  public WeightSnapshot preSwitch() {
    return plan().preSwitch();
  }

  /** The last state entry, if any. */
  public Optional<JournalEntry> lastState() {
    return last(JournalEntry.Type.STATE);
  }

  /** The run's state: {@code planned} until the first transition. */
  public SwitchState state() {
    return lastState().map(JournalEntry::state).orElse(SwitchState.PLANNED);
  }

  /** The step the run is at or rolling back from (1-based); 0 before step 1. */
  public int step() {
    Integer step = lastState().map(JournalEntry::step).orElse(null);
    return step == null ? 0 : step;
  }

  /** When the standing step reverts unless superseded or promoted; null if none stands. */
  public Instant deadline() {
    return lastState().map(JournalEntry::deadline).orElse(null);
  }

  /** When the current bake ends; null unless baking. */
  public Instant bakeEndsAt() {
    return lastState().map(JournalEntry::bakeEndsAt).orElse(null);
  }

  /** The last intent: the weights the run last asked the provider for. */
  public Optional<JournalEntry> lastIntent() {
    return last(JournalEntry.Type.INTENT);
  }

  /** The receipt of the last intent's write, if it was accepted. */
  public Optional<ChangeReceipt> lastReceipt() {
    Optional<JournalEntry> intent = lastIntent();
    return entries.stream()
        .filter(e -> intent.isPresent() && e.seq() > intent.get().seq())
        .filter(e -> e.type() == JournalEntry.Type.OUTCOME && e.receipt() != null)
        .map(JournalEntry::receipt)
        .reduce((a, b) -> b);
  }

  /** The weights last read back as live, or the pre-switch weights before any. */
  public WeightSnapshot confirmed() {
    return last(JournalEntry.Type.LIVE).map(JournalEntry::weights).orElse(preSwitch());
  }

  /** Ids of control requests the run already took. */
  public Set<String> takenRequests() {
    return entries.stream()
        .filter(e -> e.type() == JournalEntry.Type.REQUEST)
        .map(JournalEntry::requestId)
        .collect(Collectors.toSet());
  }

  /** The last evaluation of each gate since the current step went live, in gate order. */
  public List<JournalEntry> lastGates() {
    int step = step();
    Map<String, JournalEntry> byGate = new LinkedHashMap<>();
    for (JournalEntry e : entries) {
      if (e.type() == JournalEntry.Type.GATE && e.step() != null && e.step() == step) {
        byGate.put(e.gate(), e);
      }
    }
    return List.copyOf(byGate.values());
  }

  private Optional<JournalEntry> last(JournalEntry.Type type) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).type() == type) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }
}
