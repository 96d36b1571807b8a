package io.synchron.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The VAT total restated in the seller's VAT accounting currency (EN 16931 BT-6 and BT-111, required by EU art. 230
 * and UK VAT reg. 14(1) when a document is in another currency): {@code vatTotal = round(BT-110 × rate)} HALF_UP to
 * the accounting currency's minor unit.
 */
public record VatAccounting(String currency, BigDecimal rate, LocalDate rateDate, BigDecimal vatTotal) {

  static VatAccounting of(ExchangeRate exchangeRate, BigDecimal documentVatTotal) {
    BigDecimal converted = documentVatTotal.multiply(exchangeRate.rate())
        .setScale(Money.scale(exchangeRate.accountingCurrency()), RoundingMode.HALF_UP);
    return new VatAccounting(
        exchangeRate.accountingCurrency(), exchangeRate.rate(), exchangeRate.rateDate(), converted);
  }

  ExchangeRate exchangeRate() {
    return new ExchangeRate(currency, rate, rateDate);
  }

  /** Refuses a request whose currency needs a rate it does not carry, or whose rate targets another currency. */
  static void checkRate(Seller seller, String documentCurrency, ExchangeRate exchangeRate) {
    boolean needed = !seller.vatAccountingCurrency().equals(documentCurrency);
    if (needed && exchangeRate == null) {
      throw new IllegalArgumentException("the document is in " + documentCurrency + " but the seller accounts VAT in "
          + seller.vatAccountingCurrency() + ": an exchange rate is required");
    }
    if (exchangeRate != null && !exchangeRate.accountingCurrency().equals(seller.vatAccountingCurrency())) {
      throw new IllegalArgumentException("the exchange rate converts to " + exchangeRate.accountingCurrency()
          + " but the seller accounts VAT in " + seller.vatAccountingCurrency());
    }
  }
}
