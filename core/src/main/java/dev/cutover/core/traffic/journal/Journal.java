package dev.cutover.core.traffic.journal;

import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append side of a record's journal ({@link JournalFiles#journal()}). Only the holder of the
 * record's {@link SwitchLock} opens one. Each {@link #append} writes one line, then {@code
 * FileChannel.force}, and only then returns, so an intent is on disk before its API call.
 *
 * <p>Opening drops a torn last line (a write cut short by a crash: it was never acted on, since an
 * action only follows a completed write), so that the next line does not glue onto it.
 */
public final class Journal implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final List<JournalEntry> entries;
  private final long droppedBytes;

  private Journal(Path file, FileChannel channel, List<JournalEntry> entries, long dropped) {
    this.file = file;
    this.channel = channel;
    this.entries = new ArrayList<>(entries);
    this.droppedBytes = dropped;
  }

  /**
   * Opens the journal for appending; the caller holds the record's lock.
   *
   * @throws CutoverException if the file cannot be read, repaired or opened, or is corrupt before
   *     its last line
   */
  public static Journal open(Path file) {
    JournalJson.Lines<JournalEntry> read = JournalJson.read(file, JournalEntry.class);
    try {
      if (read.tornBytes() > 0) {
        try (FileChannel repair = FileChannel.open(file, StandardOpenOption.WRITE)) {
          repair.truncate(read.validBytes());
          repair.force(true);
        }
      }
      return new Journal(file, JournalJson.openForAppend(file), read.values(), read.tornBytes());
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot open the journal: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a journal without opening it for writing (status, other processes). A torn last line is
   * left out.
   *
   * @throws CutoverException for an unreadable file or a bad line before the last
   */
  public static List<JournalEntry> read(Path file) {
    return JournalJson.read(file, JournalEntry.class).values();
  }

  /** Bytes of a torn last line dropped when this journal was opened; 0 if none. */
  public long droppedBytes() {
    return droppedBytes;
  }

  /** Every entry: those read at open, then those appended. */
  public List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /**
   * Appends an entry with the next line number and forces it to disk.
   *
   * @return the entry as written (with its {@code seq})
   * @throws CutoverException if the write or the force fails: the caller must not act
   */
  public JournalEntry append(JournalEntry entry) {
    JournalEntry numbered = entry.withSeq(entries.isEmpty() ? 1 : last().seq() + 1);
    try {
      JournalJson.append(channel, JournalJson.line(numbered));
    } catch (IOException e) {
      throw new CutoverException(
          file + ": cannot write the journal: " + e.getMessage(),
          "nothing was changed after this entry; free the disk or fix permissions, then run"
              + " 'cutover switch resume' or 'rollback'",
          false,
          e);
    }
    entries.add(numbered);
    return numbered;
  }

  private JournalEntry last() {
    return entries.get(entries.size() - 1);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot close the journal: " + e.getMessage(), e);
    }
  }
}
