package dev.cutover.core.traffic.journal;

import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One switch per record set at a time: an exclusive {@link FileChannel#tryLock()} on {@link
 * JournalFiles#lock()}, plus a note of who holds it ({@link Holder}) so that a second command can
 * say so. The kernel releases the lock when the holder dies ({@code kill -9} included), so a stale
 * note never blocks.
 *
 * <p>POSIX record locks belong to the process, and closing any channel on the file would drop them;
 * so this class never opens a second channel on a lock this JVM holds, and treats a lock held
 * elsewhere in this JVM as held (tests run several commands in one JVM).
 */
public final class SwitchLock implements AutoCloseable {

  private static final Map<Path, Holder> HELD_HERE = new ConcurrentHashMap<>();

  private final JournalFiles files;
  private final FileChannel channel;
  private final FileLock lock;
  private final Holder holder;

  private SwitchLock(JournalFiles files, FileChannel channel, FileLock lock, Holder holder) {
    this.files = files;
    this.channel = channel;
    this.lock = lock;
    this.holder = holder;
  }

  /**
   * Takes the record's lock.
   *
   * @throws CutoverException naming the holder if another process (or command) holds it
   */
  public static SwitchLock acquire(JournalFiles files, Holder holder) {
    return tryAcquire(files, holder)
        .orElseThrow(
            () ->
                new CutoverException(
                    files.key()
                        + " is locked by "
                        + holderOf(files).map(Holder::describe).orElse("another process"),
                    "one switch per record at a time: wait for it, or send it 'cutover switch"
                        + " rollback'/'pause'/'promote'",
                    true,
                    null));
  }

  /** Takes the lock if it is free. */
  public static Optional<SwitchLock> tryAcquire(JournalFiles files, Holder holder) {
    Path path = files.lock().toAbsolutePath();
    if (HELD_HERE.putIfAbsent(path, holder) != null) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(path.getParent());
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        HELD_HERE.remove(path);
        return Optional.empty();
      }
      writeNote(files.holder(), holder);
      return Optional.of(new SwitchLock(files, channel, lock, holder));
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      HELD_HERE.remove(path);
      throw new CutoverException(path + ": cannot lock: " + e.getMessage(), e);
    }
  }

  /** Who holds the record's lock now; empty if nobody does. */
  public static Optional<Holder> holderOf(JournalFiles files) {
    Path path = files.lock().toAbsolutePath();
    Holder here = HELD_HERE.get(path);
    if (here != null) {
      return Optional.of(here);
    }
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe != null) {
        probe.release();
        return Optional.empty();
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CutoverException(path + ": cannot check the lock: " + e.getMessage(), e);
    }
    return Optional.of(readNote(files.holder()));
  }

  public Holder holder() {
    return holder;
  }

  @Override
  public void close() {
    Path path = files.lock().toAbsolutePath();
    try {
      Files.deleteIfExists(files.holder());
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new CutoverException(path + ": cannot release the lock: " + e.getMessage(), e);
    } finally {
      HELD_HERE.remove(path);
    }
  }

  private static void writeNote(Path file, Holder holder) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, JournalJson.line(holder));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Holder readNote(Path file) {
    try {
      return JournalJson.MAPPER.readValue(Files.readAllBytes(file), Holder.class);
    } catch (IOException e) {
      return new Holder("unknown host", -1, null, "unknown command");
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Already failing; the lock error is the one to report.
      }
    }
  }
}
