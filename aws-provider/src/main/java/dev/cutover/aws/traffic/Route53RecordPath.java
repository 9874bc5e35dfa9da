package dev.cutover.aws.traffic;

import dev.cutover.aws.mapping.RecordSets;
import dev.cutover.core.CutoverException;
import java.util.Locale;

/**
 * The path of a {@code route53:} record: {@code ZONE_ID/NAME/TYPE}, e.g. {@code
 * Z1PA6795/www.example.com/CNAME}; in canonical form it is the id the inventory gives the record
 * set ({@link RecordSets#id}).
 *
 * @param zoneId the hosted zone id without the {@code /hostedzone/} prefix
 * @param name the record name as {@link RecordSets#fqdn}: lower case, without the trailing dot,
 *     Route 53's octal escapes decoded ({@code *} for the {@code \052} wildcard escape)
 * @param type the record type in upper case ({@code A}, {@code AAAA}, {@code CNAME})
 */
record Route53RecordPath(String zoneId, String name, String type) {

  /**
   * Parses {@code ZONE_ID/NAME/TYPE}; a zone id may carry the {@code /hostedzone/} prefix that some
   * APIs return.
   *
   * @throws CutoverException if a part is missing
   */
  static Route53RecordPath parse(String path) {
    String rest = stripIdPrefix(path == null ? "" : path.trim());
    int first = rest.indexOf('/');
    int last = rest.lastIndexOf('/');
    if (first <= 0 || last == first || last == rest.length() - 1) {
      throw new CutoverException(
          "record 'route53:" + path + "': expected route53:ZONE_ID/NAME/TYPE",
          "e.g. route53:Z1PA6795/www.example.com/CNAME",
          false,
          null);
    }
    return new Route53RecordPath(
        rest.substring(0, first),
        RecordSets.fqdn(rest.substring(first + 1, last)),
        rest.substring(last + 1).toUpperCase(Locale.ROOT));
  }

  /** True if a record set read from Route 53 is this name and type. */
  boolean matches(String recordName, String recordType) {
    return recordName != null
        && recordType != null
        && RecordSets.fqdn(recordName).equals(name)
        && recordType.equalsIgnoreCase(type);
  }

  /** {@code ZONE_ID/NAME/TYPE}, as the journal and messages name it. */
  @Override
  public String toString() {
    return zoneId + "/" + name + "/" + type;
  }

  /**
   * Strips the {@code /hostedzone/} and {@code /change/} prefixes that Route 53 ids carry in some
   * responses (the SDK strips them from what it returns, not from what it is given).
   */
  static String stripIdPrefix(String id) {
    String text = id.startsWith("/") ? id.substring(1) : id;
    for (String prefix : new String[] {"hostedzone/", "change/"}) {
      if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return text.substring(prefix.length());
      }
    }
    return text;
  }
}
