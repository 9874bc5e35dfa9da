package dev.cutover.core.traffic.journal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * Who holds a record's switch lock, written beside the lock so that a second command can say so.
 *
 * @param host the host name
 * @param pid the process id
 * @param startedAt when the lock was taken
 * @param command what the holder runs ({@code start}, {@code rollback}, …)
 */
public record Holder(String host, long pid, Instant startedAt, String command) {

  /** This process. */
  public static Holder self(String command, Instant now) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
    }
    return new Holder(host, ProcessHandle.current().pid(), now, command);
  }

  /** {@code "switch start on host-1 (pid 4242) since 2026-…"}. */
  public String describe() {
    return "switch " + command + " on " + host + " (pid " + pid + ") since " + startedAt;
  }

  /** {@code host/pid}, for journal entries. */
  public String shortName() {
    return host + "/" + pid;
  }
}
