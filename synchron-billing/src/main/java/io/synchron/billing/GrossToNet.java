package io.synchron.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Converts tax-included amounts of one VAT rate to net amounts (the method is described on {@link IssueRequest}).
 */
final class GrossToNet {

  /** Enough digits that the intermediate quotient never decides a HALF_UP tie wrongly. */
  private static final int WORKING_SCALE = 20;

  private GrossToNet() {}

  /**
   * The taxable base of a group charged {@code gross} in total: {@code round(gross / (1 + rate/100))}. When any base
   * gives back {@code gross} with its BR-CO-17 VAT, it is this one (it lies within half a cent of the exact quotient);
   * when none does, this is the nearest.
   */
  static BigDecimal base(BigDecimal gross, BigDecimal ratePercent, String currency) {
    if (ratePercent.signum() == 0) {
      return Money.round(gross, currency);
    }
    return Money.round(gross.divide(divisor(ratePercent), WORKING_SCALE, RoundingMode.HALF_UP), currency);
  }

  /** A tax-included amount to apportion; {@code fixedNet} is its net when already decided (else {@code null}). */
  record Item(BigDecimal gross, BigDecimal fixedNet) {}

  /**
   * Net amounts of the items, in order, adding up to {@code base(Σ gross)} where the fixed items allow it: each free
   * item gets its exact share rounded down, and the cents still missing go to the items with the largest rounding
   * remainders (earlier items first on ties). Items charged zero stay at zero.
   */
  static List<BigDecimal> apportion(List<Item> items, BigDecimal ratePercent, String currency) {
    BigDecimal totalGross = items.stream().map(Item::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal target = base(totalGross, ratePercent, currency);
    int scale = Money.scale(currency);
    BigDecimal cent = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal divisor = divisor(ratePercent);

    List<BigDecimal> nets = new ArrayList<>();
    List<Integer> free = new ArrayList<>();
    List<BigDecimal> remainders = new ArrayList<>();
    BigDecimal assigned = BigDecimal.ZERO;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      BigDecimal net;
      BigDecimal remainder = BigDecimal.ZERO;
      if (item.fixedNet() != null) {
        net = item.fixedNet();
      } else {
        BigDecimal exact = item.gross().divide(divisor, WORKING_SCALE, RoundingMode.HALF_UP);
        net = exact.setScale(scale, RoundingMode.DOWN);
        remainder = exact.subtract(net);
        if (item.gross().signum() > 0) {
          free.add(i);
        }
      }
      nets.add(net);
      remainders.add(remainder);
      assigned = assigned.add(net);
    }
    long missingCents = target.subtract(assigned).divide(cent).longValueExact();
    if (free.isEmpty() || missingCents == 0) {
      return nets;
    }
    Comparator<Integer> largestRemainderFirst =
        Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i);
    List<Integer> order = new ArrayList<>(free);
    if (missingCents > 0) {
      order.sort(largestRemainderFirst);
      for (long n = 0; n < missingCents; n++) {
        int i = order.get((int) (n % order.size()));
        nets.set(i, nets.get(i).add(cent));
      }
    } else {
      order.sort(largestRemainderFirst.reversed());
      long excess = -missingCents;
      for (int i : order) {
        if (excess == 0) {
          break;
        }
        if (nets.get(i).signum() > 0) {
          nets.set(i, nets.get(i).subtract(cent));
          excess--;
        }
      }
    }
    return nets;
  }

  private static BigDecimal divisor(BigDecimal ratePercent) {
    return BigDecimal.ONE.add(ratePercent.divide(Money.HUNDRED));
  }
}
