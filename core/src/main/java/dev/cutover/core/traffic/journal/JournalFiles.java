package dev.cutover.core.traffic.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where one record set's switch files live in a journal directory. Default directory: {@code
 * <env>/.cutover/journal/} with {@code --env}, {@code ./.cutover/journal/} with {@code --record};
 * {@code --journal DIR} overrides. Files, all named by {@link #key()}:
 *
 * <ul>
 *   <li>{@code KEY.jsonl}: the journal, one JSON object per line ({@link JournalEntry}); runs
 *       follow one another, each from its {@code begin} line
 *   <li>{@code KEY.lock}: locked with {@code FileChannel.tryLock} by the one process acting on the
 *       record; the kernel frees it when that process dies
 *   <li>{@code KEY.holder.json}: who holds the lock ({@link Holder})
 *   <li>{@code KEY.requests.jsonl}: {@code promote}/{@code pause}/{@code resume}/{@code rollback}
 *       requests for the running holder ({@link ControlRequests})
 * </ul>
 *
 * @param dir the journal directory
 * @param key the record spec made safe for a file name, plus a short hash of it
 */
public record JournalFiles(Path dir, String key) {

  /** The files of the record {@code spec} ({@code route53:Z1/www.example.com/A}) in {@code dir}. */
  public static JournalFiles of(Path dir, String spec) {
    String safe = spec.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(spec.getBytes(StandardCharsets.UTF_8));
      return new JournalFiles(dir, safe + "-" + HexFormat.of().formatHex(hash, 0, 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public Path journal() {
    return dir.resolve(key + ".jsonl");
  }

  public Path lock() {
    return dir.resolve(key + ".lock");
  }

  public Path holder() {
    return dir.resolve(key + ".holder.json");
  }

  public Path requests() {
    return dir.resolve(key + ".requests.jsonl");
  }
}
