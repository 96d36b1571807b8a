package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A channel that invoices each shipment: one invoice per parcel, with its lines' shipping, adding up to the sale. */
class PerShipmentInvoicingEndToEndTest extends EndToEndTest {

  @DynamicPropertySource
  static void invoicing(DynamicPropertyRegistry registry) {
    registry.add("synchron.channels[0].invoicing.enabled", () -> "true");
    registry.add("synchron.channels[0].invoicing.per-shipment", () -> "true");
    registry.add("synchron.channels[0].invoicing.series", () -> "SHIP-INV");
    registry.add("synchron.channels[0].invoicing.seller.name", () -> "Atelier Synchron SAS");
    registry.add("synchron.channels[0].invoicing.seller.street", () -> "10 rue de la Paix");
    registry.add("synchron.channels[0].invoicing.seller.postal-code", () -> "75002");
    registry.add("synchron.channels[0].invoicing.seller.city", () -> "Paris");
    registry.add("synchron.channels[0].invoicing.seller.country-code", () -> "FR");
    registry.add("synchron.channels[0].invoicing.seller.vat-id", () -> "FR32123456789");
    registry.add("synchron.channels[0].invoicing.seller.accounting-currency", () -> "EUR");
  }

  @BeforeEach
  void setUp() {
    mirakl.setMultiShipment(true);
    stock("SKU-1", 100_000);
    stock("SKU-2", 100_000);
    shopify.webhooks().reset();
  }


  @Test
  void eachShipmentIsInvoicedAndTheInvoicesAddUpToTheSale() {
    String id = mirakl.placeOrder(NewOrder.builder()
        .line("SKU-1", "Mug", 2, new BigDecimal("19.99"), new BigDecimal("20"))
        .line("SKU-2", "Plate", 1, new BigDecimal("9.50"), new BigDecimal("20"))
        .shippingPrice(new BigDecimal("4.90"))
        .build());
    pollAndSettle();
    mirakl.debitCustomer(id);
    pollAndSettle();
    String gid = jdbc.sql("select shopify_order_gid from synced_order where marketplace_order_id = ?").params(id)
        .query(String.class).single();

    shopify.fulfill(gid, Map.of("SKU-1", 2), "UPS", "1ZONE", null);
    settleWebhooks();
    drain();
    shopify.fulfill(gid, Map.of("SKU-2", 1), "UPS", "1ZTWO", null);
    settleWebhooks();
    drain();

    List<BigDecimal> totals = jdbc.sql("select d.tax_inclusive_total from billing_document d"
            + " join order_document o on o.number = d.document_number join synced_order s on s.id = o.synced_order_id"
            + " where s.marketplace_order_id = ? order by d.sequence_number")
        .params(id).query(BigDecimal.class).list();
    assertThat(totals).hasSize(2);
    assertThat(totals.get(0).add(totals.get(1))).isEqualByComparingTo("54.38");
    // The marketplace spreads the 4.90 shipping over the lines (3.96 and 0.94); each parcel's invoice carries its own.
    assertThat(totals.get(0)).isEqualByComparingTo("43.94");
    assertThat(totals.get(1)).isEqualByComparingTo("10.44");
  }
}
