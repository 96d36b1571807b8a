package io.synchron.billing.render;

import java.math.BigInteger;

/** Tells an IBAN (ISO 13616, checked with its mod-97 check digits) from other account identifiers. */
final class Iban {

  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private Iban() {}

  static boolean looksLikeIban(String account) {
    if (!account.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
      return false;
    }
    String rearranged = account.substring(4) + account.substring(0, 4);
    var digits = new StringBuilder();
    for (char ch : rearranged.toCharArray()) {
      digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
