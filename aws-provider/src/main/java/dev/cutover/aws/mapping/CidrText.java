package dev.cutover.aws.mapping;

import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Cidrs;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CIDR text from a state or an API document in canonical form ({@link Cidrs#canonical(String)}). A
 * value that is not a CIDR is kept as given and logged: an inventory reports what the source holds
 * rather than failing the whole read on one bad value (published documents contain e.g. {@code
 * 192.168.51.128/64}).
 */
public final class CidrText {

  private static final Logger LOG = LoggerFactory.getLogger(CidrText.class);

  private CidrText() {}

  /** The canonical CIDR, the text itself if it does not parse, null for null or blank. */
  public static String canonical(String text, String where) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Cidrs.canonical(text);
    } catch (CutoverException e) {
      LOG.warn("{}: '{}' is not a CIDR; kept as given", where, text);
      return text;
    }
  }

  /** Each non-blank CIDR in canonical form, without duplicates, sorted. */
  public static List<String> canonical(Collection<String> texts, String where) {
    return texts.stream()
        .map(text -> canonical(text, where))
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }
}
