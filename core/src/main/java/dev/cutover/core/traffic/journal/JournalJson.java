package dev.cutover.core.traffic.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines as the switch files use them: one compact object per line, instants as ISO-8601
 * strings, durations as ISO-8601 ({@code PT10M}); appended with one write, then {@code
 * FileChannel.force}; read tolerating a torn last line.
 */
final class JournalJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private JournalJson() {}

  /** The lines of a file read as {@code type}, and where the last good line ends. */
  record Lines<T>(List<T> values, long validBytes, long tornBytes) {}

  static byte[] line(Object value) {
    try {
      return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a journal line: " + e.getMessage(), e);
    }
  }

  /** Appends one line with one write and forces it to the device before returning. */
  static void append(FileChannel channel, byte[] line) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  /**
   * Reads every line. A last line that does not end in a newline or does not parse is a write cut
   * short by a crash: it is left out and counted in {@code tornBytes}. A bad line before the last
   * is corruption.
   *
   * @throws CutoverException naming the file and line for a bad line before the last
   */
  static <T> Lines<T> read(Path file, Class<T> type) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Lines<>(List.of(), 0, 0);
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot read: " + e.getMessage(), e);
    }
    List<T> values = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    long valid = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        break; // no newline: the last write was cut short
      }
      lineNumber++;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        try {
          values.add(MAPPER.readValue(text, type));
        } catch (JsonProcessingException e) {
          if (end + 1 >= bytes.length) {
            break; // a damaged last line is a torn write too
          }
          throw new CutoverException(
              file + ":" + lineNumber + ": not a journal line: " + e.getOriginalMessage(),
              "the file was changed by hand or is damaged; move it aside to start over",
              false,
              e);
        }
      }
      start = end + 1;
      valid = start;
    }
    return new Lines<>(values, valid, bytes.length - valid);
  }

  /** Opens {@code file} for appending, creating it (and fsyncing its directory) if needed. */
  static FileChannel openForAppend(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean created = !Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (created) {
      forceDirectory(dir);
    }
    return channel;
  }

  /** Makes a new directory entry durable (Linux allows fsync on a directory; others may not). */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform opens directories; the entry is then as durable as the OS makes it.
    }
  }
}
