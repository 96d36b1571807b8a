package io.synchron.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.NewCustomer;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.mirakl.OrderView;
import io.synchron.support.EndToEndTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 200 marketplace orders of every ordinary kind go through the whole flow against both simulators and end as
 * exactly the right Shopify orders and exceptions.
 */
class MixedOrdersEndToEndTest extends EndToEndTest {

  private static final List<String> SKUS = List.of("SKU-A", "SKU-B", "SKU-C", "SKU-D", "SKU-E");

  @Test
  void twoHundredMixedOrdersEndAsExactlyTheRightShopifyOrdersAndExceptions() {
    for (String sku : SKUS) {
      shopify.addProduct(sku, "Product " + sku, new BigDecimal("10.00"), 10_000);
    }
    shopify.addProduct("SKU-SCARCE", "Scarce product", new BigDecimal("99.00"), 2);
    shopify.addProduct("SKU-FREE", "Free sample", BigDecimal.ZERO, 10_000);
    Random random = new Random(7);
    Map<String, String> expected = new HashMap<>();
    List<String> toPay = new ArrayList<>();
    List<String> toCancelBeforePayment = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      NewOrder.Builder order = NewOrder.builder().customer(customer(i)).referenceForCustomer("REF-" + i);
      String kind;
      if (i < 110) {
        kind = "imported";
        int lines = 1 + random.nextInt(4);
        for (int l = 0; l < lines; l++) {
          order.line(SKUS.get(random.nextInt(SKUS.size())), "Line " + l, 1 + random.nextInt(3),
              new BigDecimal(random.nextInt(5000) + 100).movePointLeft(2), new BigDecimal("20"));
        }
        if (i % 10 == 0) {
          order.line("SKU-FREE", "Free sample", 1, BigDecimal.ZERO, new BigDecimal("20"));
        }
        if (i % 3 == 0) {
          order.taxMode(NewOrder.TAX_EXCLUDED);
        }
        if (i % 25 == 0) {
          order.currency("KWD");
        }
      } else if (i < 130) {
        kind = "review-unknown-sku";
        order.line("SKU-A", "Known", 1, new BigDecimal("10.00"), new BigDecimal("20"));
        order.line("SKU-NOBODY-SELLS", "Unknown", 1, new BigDecimal("10.00"), new BigDecimal("20"));
      } else if (i < 150) {
        kind = "review-short-stock";
        order.line("SKU-SCARCE", "Scarce", 3, new BigDecimal("99.00"), new BigDecimal("20"));
      } else if (i < 170) {
        kind = "refused";
        order.line("SKU-B", "Never decided in time", 1, new BigDecimal("10.00"), new BigDecimal("20"));
      } else if (i < 190) {
        kind = "cancelled-before-payment";
        order.line("SKU-C", "Cancelled", 2, new BigDecimal("10.00"), new BigDecimal("20"));
      } else {
        kind = "imported-many-lines";
        for (int l = 0; l < 40; l++) {
          order.line(SKUS.get(l % SKUS.size()), "Bulk line " + l, 1, new BigDecimal("1.25"), new BigDecimal("5.5"));
        }
      }
      String id = mirakl.placeOrder(order.build());
      expected.put(id, kind);
      if (kind.startsWith("imported")) {
        toPay.add(id);
      } else if (kind.equals("cancelled-before-payment")) {
        toCancelBeforePayment.add(id);
      } else if (kind.equals("refused")) {
        mirakl.expireAcceptance(id);
      }
    }

    pollAndSettle();
    drain();
    assertThat(toPay).allSatisfy(id -> assertThat(mirakl.order(id).state()).isEqualTo("WAITING_DEBIT_PAYMENT"));
    toPay.forEach(mirakl::debitCustomer);
    toCancelBeforePayment.forEach(mirakl::cancelByCustomer);
    pollAndSettle();
    drain();

    assertThat(jdbc.sql("select kind || ': ' || last_error from job where state = 'EXCEPTION'").query(String.class).list())
        .isEmpty();
    Map<String, Long> shopifyOrdersBySource =
        shopify.orders().stream()
            .collect(Collectors.groupingBy(o -> o.sourceIdentifier(), Collectors.counting()));
    assertThat(shopifyOrdersBySource.values()).allMatch(n -> n == 1);
    assertThat(shopifyOrdersBySource.keySet())
        .containsExactlyInAnyOrderElementsOf(
            toPay.stream().map(id -> "mirakl:" + CHANNEL + ":" + id).toList());
    for (String id : toPay) {
      OrderView marketplace = mirakl.order(id);
      var imported = shopify.orderBySourceIdentifier("mirakl:" + CHANNEL + ":" + id).orElseThrow();
      assertThat(imported.lineItems()).hasSize(marketplace.lineIds().size());
      assertThat(imported.tags()).contains("channel:" + CHANNEL, "platform:mirakl", "mkp-order:" + id);
      assertMoneyMatches(marketplace, imported);
    }
    expected.forEach(
        (id, kind) -> {
          String status = status(id);
          switch (kind) {
            case "imported", "imported-many-lines" -> assertThat(status).isEqualTo("TO_SHIP/IMPORTED");
            case "review-unknown-sku", "review-short-stock" -> assertThat(status).isEqualTo("IN_REVIEW/NOT_IMPORTED");
            case "refused" -> assertThat(status).isEqualTo("REFUSED/NOT_REQUIRED");
            case "cancelled-before-payment" -> assertThat(status).isEqualTo("CANCELED/NOT_REQUIRED");
            default -> throw new AssertionError(kind);
          }
        });
    assertThat(count("select count(*) from job where state = 'EXCEPTION'")).isZero();
    assertThat(
            jdbc.sql("select review_reason from synced_order where marketplace_status = 'IN_REVIEW'")
                .query(String.class)
                .list())
        .hasSize(40)
        .allMatch(r -> r.contains("SKU-NOBODY-SELLS matches no Shopify variant") || r.contains("SKU-SCARCE: 3 ordered"));
    assertThat(mirakl.orders().stream().filter(o -> o.acceptCalls() > 1)).isEmpty();
  }

  /** The Shopify order carries exactly what the marketplace charged: unit prices, tax mode, and the amount paid. */
  @SuppressWarnings("unchecked")
  private static void assertMoneyMatches(OrderView marketplace, io.synchron.simulator.shopify.OrderView imported) {
    JsonNode order = JSON.readTree(marketplace.json());
    boolean included = order.get("order_tax_mode").asString().equals("TAX_INCLUDED");
    BigDecimal taxes = BigDecimal.ZERO;
    for (JsonNode line : order.get("order_lines")) {
      for (JsonNode tax : line.path("taxes")) {
        taxes = taxes.add(tax.get("amount").decimalValue());
      }
      for (JsonNode tax : line.path("shipping_taxes")) {
        taxes = taxes.add(tax.get("amount").decimalValue());
      }
    }
    BigDecimal expectedPaid = order.get("total_price").decimalValue().add(included ? BigDecimal.ZERO : taxes);
    Map<String, Object> input = imported.input();
    assertThat(input.get("taxesIncluded")).isEqualTo(included);
    List<Map<String, Object>> transactions = (List<Map<String, Object>>) input.get("transactions");
    Map<String, Object> shopMoney =
        (Map<String, Object>) ((Map<String, Object>) transactions.get(0).get("amountSet")).get("shopMoney");
    assertThat(new BigDecimal((String) shopMoney.get("amount"))).isEqualByComparingTo(expectedPaid);
    assertThat(shopMoney.get("currencyCode")).isEqualTo(order.get("currency_iso_code").asString());
    for (int i = 0; i < imported.lineItems().size(); i++) {
      assertThat(imported.lineItems().get(i).unitPrice())
          .isEqualByComparingTo(order.get("order_lines").get(i).get("price_unit").decimalValue());
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder()
          .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private String status(String orderId) {
    return jdbc.sql(
            "select marketplace_status || '/' || shopify_status from synced_order where marketplace_order_id = ?")
        .params(orderId)
        .query(String.class)
        .single();
  }

  private static NewCustomer customer(int i) {
    return switch (i % 4) {
      case 0 -> NewCustomer.parisian();
      case 1 -> new NewCustomer("Ελένη", "Παπαδοπούλου", null, "Οδός Ερμού 10", null, "105 63", "Αθήνα", null,
          "GRC", null, "el_GR");
      case 2 -> new NewCustomer("Hans", "Müller", null, "A".repeat(300), "Hinterhaus", "10115", "Berlin", null,
          "DEU", null, "de_DE");
      default -> new NewCustomer("李", "王", "公司", "北京市朝阳区", null, "100020", "北京", null, "CHN",
          "+8610123456", "zh_CN");
    };
  }
}
