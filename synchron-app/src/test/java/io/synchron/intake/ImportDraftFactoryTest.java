package io.synchron.intake;

import static io.synchron.order.SyncedOrderFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synchron.connector.ShopifyGateway.OrderDraft;
import io.synchron.connector.ShopifyGateway.Variant;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceOrder.Tax;
import io.synchron.order.MarketplaceOrder.TaxMode;
import io.synchron.order.MarketplaceState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportDraftFactoryTest {

  private static final Map<String, Variant> VARIANTS =
      Map.of("SKU-1", new Variant("gid://shopify/ProductVariant/1", "SKU-1", "Mug", 10),
          "SKU-0", new Variant("gid://shopify/ProductVariant/0", "SKU-0", "Sample", 10));

  private static MarketplaceOrder order(TaxMode mode, String currency, BigDecimal total, MarketplaceOrder.Customer customer) {
    return new MarketplaceOrder("O-1-A", "O-1", MarketplaceState.SHIPPING, "SHIPPING", T0, T0, currency, mode,
        mode.name(), new BigDecimal("5.00"), total, new BigDecimal("3.10"), T0.plusSeconds(3600), "REF-9", "FR",
        "Express", customer,
        List.of(
            new MarketplaceOrder.Line("O-1-A-1", "SKU-1", "Mug", 2, new BigDecimal("10.00"), new BigDecimal("20.00"),
                new BigDecimal("5.00"), null,
                List.of(new Tax("TVA", new BigDecimal("20"), new BigDecimal("3.33"))),
                List.of(new Tax("TVA", new BigDecimal("20"), new BigDecimal("0.83"))), "SHIPPING"),
            new MarketplaceOrder.Line("O-1-A-2", "SKU-0", "Sample", 1, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, List.of(), List.of(), "SHIPPING")));
  }

  @Test
  void withTaxIncludedThePaidAmountIsWhatTheMarketplaceCharged() {
    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
        order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("25.00"), null), VARIANTS);

    assertThat(draft.taxesIncluded()).isTrue();
    assertThat(draft.paidAmount()).isEqualByComparingTo("25.00");
    assertThat(draft.lines()).extracting(l -> l.unitPrice().toPlainString()).containsExactly("10.00", "0.00");
    assertThat(draft.lines().get(0).taxes().get(0).rate()).isEqualByComparingTo("0.2");
    assertThat(draft.shipping().price()).isEqualByComparingTo("5.00");
  }

  @Test
  void withTaxExcludedTheTaxesAreAddedToWhatWasPaid() {
    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
        order(TaxMode.TAX_EXCLUDED, "EUR", new BigDecimal("25.00"), null), VARIANTS);

    assertThat(draft.taxesIncluded()).isFalse();
    assertThat(draft.paidAmount()).isEqualByComparingTo("29.16");
  }

  @Test
  void aThreeDecimalCurrencyKeepsItsThreeDecimals() {
    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
        order(TaxMode.TAX_INCLUDED, "KWD", new BigDecimal("25.000"), null), VARIANTS);

    assertThat(draft.paidAmount().toPlainString()).isEqualTo("25.000");
    assertThat(draft.lines().get(0).unitPrice().toPlainString()).isEqualTo("10.000");
  }

  @Test
  void theOperationsContextTravelsWithTheOrder() {
    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
        order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("25.00"), null), VARIANTS);

    assertThat(draft.sourceIdentifier()).isEqualTo("mirakl:fr:O-1-A");
    assertThat(draft.poNumber()).isEqualTo("O-1-A");
    assertThat(draft.tags()).contains("channel:fr", "platform:mirakl", "mkp-order:O-1-A");
    assertThat(draft.attributes()).containsEntry("Customer order reference", "REF-9")
        .containsEntry("Marketplace commission", "3.10 EUR").containsKey("Ship by");
    assertThat(draft.metafields()).extracting(m -> m.key()).contains("shipping_deadline", "commission");
  }

  @Test
  void addressesGetAlpha2CountriesAndLongLinesAreCutAtACodePoint() {
    String longStreet = "𝔸".repeat(300);
    MarketplaceOrder.Address address = new MarketplaceOrder.Address("Ελένη", "王", null, longStreet, null, "105 63",
        "Αθήνα", null, "GRC", null);
    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
        order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("25.00"),
            new MarketplaceOrder.Customer("c1", "Ελένη", "王", "x@notification.mirakl.net", address, address)),
        VARIANTS);

    assertThat(draft.shippingAddress().countryCode()).isEqualTo("GR");
    assertThat(draft.shippingAddress().phone()).isNull();
    String street = draft.shippingAddress().address1();
    assertThat(street.codePointCount(0, street.length())).isEqualTo(255);
  }

  @Test
  void anUnknownCountryIsLeftOutRatherThanGuessed() {
    assertThat(ImportDraftFactory.countryCode("XYZ")).isNull();
    assertThat(ImportDraftFactory.countryCode("fra")).isEqualTo("FR");
  }

  @Test
  void anUnknownTaxModeIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
            order(TaxMode.UNKNOWN, "EUR", new BigDecimal("25.00"), null), VARIANTS))
        .isInstanceOf(ImportDraftFactory.ImportNotPossible.class)
        .hasMessageContaining("order_tax_mode");
  }

  @Test
  void aSkuThatNoLongerMatchesIsRefused() {
    assertThatThrownBy(() -> ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
            order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("25.00"), null), Map.of()))
        .isInstanceOf(ImportDraftFactory.ImportNotPossible.class)
        .hasMessageContaining("SKU-1");
  }

  @Test
  void aTotalThatDoesNotMatchTheLinesIsRefusedWithBothAmounts() {
    assertThatThrownBy(() -> ImportDraftFactory.draft("mirakl", "Mirakl", "fr",
            order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("27.50"), null), VARIANTS))
        .isInstanceOf(ImportDraftFactory.ImportNotPossible.class)
        .hasMessageContaining("27.50")
        .hasMessageContaining("25.00");
  }

  @Test
  void cancelledLinesStayOutOfShopify() {
    MarketplaceOrder full = order(TaxMode.TAX_INCLUDED, "EUR", new BigDecimal("25.00"), null);
    MarketplaceOrder.Line first = full.lines().get(0);
    MarketplaceOrder.Line cancelled = new MarketplaceOrder.Line("O-1-A-3", "SKU-1", "Mug", 1, new BigDecimal("10.00"),
        new BigDecimal("10.00"), new BigDecimal("1.00"), null, List.of(), List.of(), "CANCELED");
    MarketplaceOrder withCancelled = new MarketplaceOrder(full.orderId(), full.commercialId(), full.state(),
        full.rawState(), full.createdAt(), full.updatedAt(), full.currency(), full.taxMode(), full.rawTaxMode(),
        new BigDecimal("6.00"), new BigDecimal("25.00"), full.totalCommission(), full.shippingDeadline(),
        full.customerOrderReference(), full.salesChannel(), full.shippingMethod(), null,
        List.of(first, full.lines().get(1), cancelled));

    OrderDraft draft = ImportDraftFactory.draft("mirakl", "Mirakl", "fr", withCancelled, VARIANTS);

    assertThat(draft.lines()).extracting(l -> l.marketplaceLineId()).containsExactly("O-1-A-1", "O-1-A-2");
    assertThat(draft.shipping().price()).isEqualByComparingTo("5.00");
    assertThat(draft.paidAmount()).isEqualByComparingTo("25.00");
  }
}
