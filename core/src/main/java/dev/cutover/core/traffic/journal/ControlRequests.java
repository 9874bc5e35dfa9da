package dev.cutover.core.traffic.journal;

import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How {@code promote}, {@code pause}, {@code resume} and {@code rollback} reach a runner in another
 * process: one JSON line appended to {@link JournalFiles#requests()} (an {@code O_APPEND} write of
 * one short line, so lines of concurrent senders do not interleave), addressed to the run. The
 * runner polls the file, journals a {@code request} entry with the id before acting, and the sender
 * waits for that entry. Requests for another run are ignored, so a request left by a runner that
 * died is never taken by a later one.
 */
public final class ControlRequests {

  /** What a request asks. */
  public enum Action {
    PROMOTE,
    PAUSE,
    RESUME,
    ROLLBACK
  }

  /**
   * One request.
   *
   * @param id unique, echoed in the runner's journal entry
   * @param action what to do
   * @param runId the run it is meant for
   * @param at when it was sent
   * @param by who sent it ({@code host/pid})
   */
  public record Request(String id, Action action, String runId, Instant at, String by) {}

  private final JournalFiles files;

  public ControlRequests(JournalFiles files) {
    this.files = files;
  }

  /**
   * Appends a request and forces it to disk.
   *
   * @return the request as sent
   * @throws CutoverException if the file cannot be written
   */
  public Request send(Action action, String runId, String by, Instant at) {
    Request request = new Request(UUID.randomUUID().toString(), action, runId, at, by);
    try (FileChannel channel = JournalJson.openForAppend(files.requests())) {
      JournalJson.append(channel, JournalJson.line(request));
    } catch (IOException e) {
      throw new CutoverException(
          files.requests() + ": cannot send the request: " + e.getMessage(), e);
    }
    return request;
  }

  /** Requests for {@code runId} whose ids are not in {@code taken}, oldest first. */
  public List<Request> pending(String runId, Set<String> taken) {
    return JournalJson.read(files.requests(), Request.class).values().stream()
        .filter(r -> runId.equals(r.runId()) && !taken.contains(r.id()))
        .toList();
  }
}
