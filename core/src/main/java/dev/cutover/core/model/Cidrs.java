package dev.cutover.core.model;

import dev.cutover.core.CutoverException;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * CIDR parsing and canonical form, through the IPAddress library (seancfoley/IPAddress) so that no
 * bit arithmetic is written here. Canonical form: the network address with its prefix length, IPv6
 * compressed and lower case (RFC 5952), a bare address given its full-length prefix ({@code
 * 10.0.0.1} is {@code 10.0.0.1/32}), host bits cleared ({@code 10.0.0.5/24} is {@code
 * 10.0.0.0/24}).
 */
public final class Cidrs {

  private Cidrs() {}

  /**
   * The canonical form of an IPv4 or IPv6 CIDR or address.
   *
   * @throws CutoverException if the text is not a CIDR or an address
   */
  public static String canonical(String cidr) {
    return parse(cidr).toCanonicalString();
  }

  /**
   * Parses a CIDR or address into the network it names (host bits cleared).
   *
   * @throws CutoverException if the text is not a CIDR or an address
   */
  public static IPAddress parse(String cidr) {
    try {
      IPAddress address = new IPAddressString(cidr.trim()).toAddress();
      if (!address.isPrefixed()) {
        address = address.setPrefixLength(address.getBitCount(), false);
      }
      return address.toPrefixBlock();
    } catch (AddressStringException | RuntimeException e) {
      throw new CutoverException("'" + cidr + "' is not an IPv4 or IPv6 CIDR", e);
    }
  }

  /** True if the text parses as a CIDR or address. */
  public static boolean isCidr(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    try {
      new IPAddressString(text.trim()).toAddress();
      return true;
    } catch (AddressStringException | RuntimeException e) {
      return false;
    }
  }
}
