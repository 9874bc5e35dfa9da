package dev.cutover.core.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.core.CutoverException;
import dev.cutover.core.traffic.run.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link TrafficRouter} with Route 53 semantics (weights 0–255, one atomic write, a change that
 * goes PENDING to INSYNC after a delay) over a state kept in memory or in a JSON file (so that a
 * CLI child process and the test share it). Faults are injected per operation and taken in order:
 * {@code write:throttle}, {@code write:5xx}, {@code write:denied}, {@code
 * write:timeout-after-apply} (the change is applied, then the call fails), {@code read:5xx}, {@code
 * await:timeout}; a write fault may name the write it hits: {@code write:denied@2} fails the second
 * applied write.
 */
public class FakeRouter implements TrafficRouter {

  public static final WeightScale SCALE =
      new WeightScale(100, 0, 255, false, "fake router with Route 53 weight semantics");

  /**
   * Everything the fake knows.
   *
   * @param members current weights
   * @param ttlSeconds the record TTL
   * @param insyncDelayMillis how long a change stays PENDING
   * @param writeHangMillis how long {@code write} sleeps before applying (crash tests)
   * @param changes change id to the epoch millisecond it becomes INSYNC
   * @param faults pending faults, {@code op:kind}, taken first come first served
   * @param writes how many writes were applied
   */
  public record State(
      List<MemberWeight> members,
      long ttlSeconds,
      long insyncDelayMillis,
      long writeHangMillis,
      Map<String, Long> changes,
      List<String> faults,
      int writes) {

    public State {
      members = List.copyOf(members);
      changes = changes == null ? Map.of() : new LinkedHashMap<>(changes);
      faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public static State of(long ttlSeconds, MemberWeight... members) {
      return new State(List.of(members), ttlSeconds, 0, 0, Map.of(), List.of(), 0);
    }

    public State withMembers(List<MemberWeight> next) {
      return new State(
          next, ttlSeconds, insyncDelayMillis, writeHangMillis, changes, faults, writes);
    }

    public State withInsyncDelay(Duration delay) {
      return new State(
          members, ttlSeconds, delay.toMillis(), writeHangMillis, changes, faults, writes);
    }

    public State withWriteHang(Duration hang) {
      return new State(
          members, ttlSeconds, insyncDelayMillis, hang.toMillis(), changes, faults, writes);
    }

    public State withFaults(String... next) {
      return new State(
          members, ttlSeconds, insyncDelayMillis, writeHangMillis, changes, List.of(next), writes);
    }

    public WeightSnapshot snapshot() {
      return new WeightSnapshot(members, ttlSeconds);
    }
  }

  /** Where the state lives. */
  public interface Store {
    State load();

    void save(State state);
  }

  /** State in memory. */
  public static final class MemoryStore implements Store {
    private State state;

    public MemoryStore(State state) {
      this.state = state;
    }

    @Override
    public synchronized State load() {
      return state;
    }

    @Override
    public synchronized void save(State next) {
      state = next;
    }
  }

  /** State in a JSON file, replaced atomically on every save. */
  public static final class FileStore implements Store {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Path file;

    public FileStore(Path file) {
      this.file = file;
    }

    @Override
    public State load() {
      try {
        return JSON.readValue(file.toFile(), State.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void save(State state) {
      try {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
        JSON.writeValue(tmp.toFile(), state);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Function<RecordRef, Store> stores;
  private final Ticker ticker;
  private final String scheme;
  private final AtomicInteger calls = new AtomicInteger();

  public FakeRouter(String scheme, Function<RecordRef, Store> stores, Ticker ticker) {
    this.scheme = scheme;
    this.stores = stores;
    this.ticker = ticker;
  }

  /** A fake over one in-memory store. */
  public static FakeRouter inMemory(Store store, Ticker ticker) {
    return new FakeRouter("fake", record -> store, ticker);
  }

  /** Calls made (all operations). */
  public int calls() {
    return calls.get();
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public WeightScale scale() {
    return SCALE;
  }

  @Override
  public synchronized WeightSnapshot read(RecordRef record) {
    calls.incrementAndGet();
    Store store = stores.apply(record);
    fault(store, "read");
    return store.load().snapshot();
  }

  @Override
  public List<String> describeWrite(RecordRef record, WeightSnapshot target) {
    List<String> requests = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (MemberWeight m : target.members()) {
      body.append(" UPSERT ").append(m.id()).append(" Weight=").append(m.weight());
    }
    requests.add("POST fake:" + record.path() + body);
    return requests;
  }

  @Override
  public ChangeReceipt write(RecordRef record, WeightSnapshot target) {
    calls.incrementAndGet();
    if (target.totalEffectiveWeight() == 0) {
      throw new CutoverException(record.spec() + ": refusing all-zero weights");
    }
    Store store = stores.apply(record);
    long hang = store.load().writeHangMillis();
    if (hang > 0) {
      sleep(Duration.ofMillis(hang));
    }
    synchronized (this) {
      String fault = fault(store, "write", "timeout-after-apply");
      State state = store.load();
      String id = "C" + (state.writes() + 1);
      Map<String, Long> changes = new LinkedHashMap<>(state.changes());
      Instant now = ticker.now();
      changes.put(id, now.toEpochMilli() + state.insyncDelayMillis());
      store.save(
          new State(
              target.members(),
              state.ttlSeconds(),
              state.insyncDelayMillis(),
              state.writeHangMillis(),
              changes,
              state.faults(),
              state.writes() + 1));
      if (fault != null) {
        throw new CutoverException(
            record.spec() + ": timeout after the change was sent", null, true, null);
      }
      return new ChangeReceipt(id, "PENDING", now, "fake " + target.describe());
    }
  }

  @Override
  public WeightSnapshot awaitLive(RecordRef record, ChangeReceipt receipt, Duration timeout) {
    calls.incrementAndGet();
    Store store = stores.apply(record);
    fault(store, "await");
    Instant giveUp = ticker.now().plus(timeout);
    while (true) {
      Long insyncAt = store.load().changes().get(receipt.changeId());
      if (insyncAt == null) {
        throw new CutoverException("no such change " + receipt.changeId());
      }
      Instant now = ticker.now();
      if (now.toEpochMilli() >= insyncAt) {
        return store.load().snapshot();
      }
      if (!now.isBefore(giveUp)) {
        throw new CutoverException(
            "change " + receipt.changeId() + " still PENDING", null, true, null);
      }
      long left = Math.min(insyncAt - now.toEpochMilli(), Duration.between(now, giveUp).toMillis());
      sleep(Duration.ofMillis(Math.max(1, Math.min(50, left))));
    }
  }

  @Override
  public List<String> preflight(RecordRef record) {
    calls.incrementAndGet();
    return List.of();
  }

  private void sleep(Duration duration) {
    try {
      ticker.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CutoverException("interrupted", e);
    }
  }

  private String fault(Store store, String op) {
    return fault(store, op, null);
  }

  /** Takes the first fault for {@code op}; throws it unless it is {@code deferred} (returned). */
  private synchronized String fault(Store store, String op, String deferred) {
    State state = store.load();
    for (int i = 0; i < state.faults().size(); i++) {
      String fault = state.faults().get(i);
      if (!fault.startsWith(op + ":")) {
        continue;
      }
      int at = fault.indexOf('@');
      if (at > 0 && Integer.parseInt(fault.substring(at + 1)) != state.writes() + 1) {
        continue;
      }
      List<String> rest = new ArrayList<>(state.faults());
      rest.remove(i);
      store.save(
          new State(
              state.members(),
              state.ttlSeconds(),
              state.insyncDelayMillis(),
              state.writeHangMillis(),
              state.changes(),
              rest,
              state.writes()));
      String kind = fault.substring(op.length() + 1, at > 0 ? at : fault.length());
      if (kind.equals(deferred)) {
        return kind;
      }
      throw switch (kind) {
        case "throttle" -> new CutoverException("Throttling: Rate exceeded", null, true, null);
        case "5xx" -> new CutoverException("HTTP 503 Service Unavailable", null, true, null);
        case "timeout" -> new CutoverException("timed out", null, true, null);
        case "denied" ->
            new CutoverException(
                "AccessDenied: not allowed to change the record", null, false, null);
        default -> new IllegalArgumentException("unknown fault " + fault);
      };
    }
    return null;
  }
}
