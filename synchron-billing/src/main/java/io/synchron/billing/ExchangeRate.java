package io.synchron.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate, supplied by the caller, from the document currency to the seller's VAT accounting currency: one unit of
 * the document currency is worth {@code rate} units of {@code accountingCurrency}. EU art. 91 asks for the ECB rate of
 * the chargeable event (or the previous publication); which source to use is the caller's decision.
 */
public record ExchangeRate(String accountingCurrency, BigDecimal rate, LocalDate rateDate) {

  public ExchangeRate {
    accountingCurrency = Checks.currency(accountingCurrency, "accountingCurrency");
    Checks.present(rate, "rate");
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("rate must be above zero: " + rate);
    }
    Checks.present(rateDate, "rateDate");
  }
}
