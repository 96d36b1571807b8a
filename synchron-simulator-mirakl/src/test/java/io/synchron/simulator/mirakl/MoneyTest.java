package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MoneyTest {
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults());
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private static BigDecimal amount(JsonNode node, String field) {
    return node.get(field).decimalValue();
  }

  private String rawOrderJson(String orderId) {
    return client.get("/api/orders?order_ids=" + orderId).body();
  }

  @Test
  void taxIncludedPricesCarryTheIncludedTaxRoundedHalfUp() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder().line("SKU-1", "Mug", 2, dec("19.99"), dec("20")).build());

    JsonNode order = client.order(orderId);
    JsonNode line = order.get("order_lines").get(0);

    assertThat(amount(line, "price_unit")).isEqualByComparingTo("19.99");
    assertThat(amount(line, "price")).isEqualByComparingTo("39.98");
    assertThat(amount(line.get("taxes").get(0), "amount")).isEqualByComparingTo("6.66");
    assertThat(amount(line.get("taxes").get(0), "rate")).isEqualByComparingTo("20");
    assertThat(amount(line, "shipping_price")).isEqualByComparingTo("4.90");
    assertThat(amount(line.get("shipping_taxes").get(0), "amount")).isEqualByComparingTo("0.82");
    assertThat(amount(line, "total_price")).isEqualByComparingTo("44.88");
    assertThat(amount(order, "total_price")).isEqualByComparingTo("44.88");
    assertThat(order.get("order_tax_mode").stringValue()).isEqualTo("TAX_INCLUDED");
  }

  @Test
  void theCommissionIsTheRateOfPricePlusShipping() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 2, dec("19.99")).build());

    JsonNode order = client.order(orderId);

    assertThat(amount(order.get("order_lines").get(0), "commission_fee"))
        .isEqualByComparingTo("6.73");
    assertThat(amount(order, "total_commission")).isEqualByComparingTo("6.73");
  }

  @Test
  void taxExcludedPricesCarryTheTaxToAdd() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .taxMode("TAX_EXCLUDED")
                .line("SKU-1", "Mug", 2, dec("10.00"), dec("20"))
                .build());

    JsonNode line = client.order(orderId).get("order_lines").get(0);

    assertThat(amount(line, "price")).isEqualByComparingTo("20.00");
    assertThat(amount(line.get("taxes").get(0), "amount")).isEqualByComparingTo("4.00");
    assertThat(amount(line.get("shipping_taxes").get(0), "amount")).isEqualByComparingTo("0.98");
    assertThat(amount(line, "total_price")).isEqualByComparingTo("24.90");
  }

  @Test
  void askingForTheOtherTaxModeRemovesTheIncludedTaxFromThePrices() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 2, dec("19.99")).build());

    JsonNode order =
        client.orders("order_tax_mode=TAX_EXCLUDED&order_ids=" + orderId).get("orders").get(0);
    JsonNode line = order.get("order_lines").get(0);

    assertThat(order.get("order_tax_mode").stringValue()).isEqualTo("TAX_EXCLUDED");
    assertThat(amount(line, "price")).isEqualByComparingTo("33.32");
    assertThat(amount(line, "shipping_price")).isEqualByComparingTo("4.08");
    assertThat(amount(line.get("taxes").get(0), "amount")).isEqualByComparingTo("6.66");
    assertThat(amount(order, "total_price")).isEqualByComparingTo("37.40");
  }

  @Test
  void askingForTheOtherTaxModeAddsTheTaxToExcludedPrices() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .taxMode("TAX_EXCLUDED")
                .line("SKU-1", "Mug", 2, dec("10.00"), dec("20"))
                .build());

    JsonNode line =
        client
            .orders("order_tax_mode=TAX_INCLUDED&order_ids=" + orderId)
            .get("orders")
            .get(0)
            .get("order_lines")
            .get(0);

    assertThat(amount(line, "price_unit")).isEqualByComparingTo("12.00");
    assertThat(amount(line, "price")).isEqualByComparingTo("24.00");
    assertThat(amount(line, "shipping_price")).isEqualByComparingTo("5.88");
  }

  @Test
  void aThreeDecimalCurrencyKeepsItsThreeDecimalsOnTheWire() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .currency("KWD")
                .taxMode("TAX_EXCLUDED")
                .shippingPrice(dec("2.500"))
                .shippingTaxRate(dec("5"))
                .line("SKU-1", "Dates", 3, dec("1.250"), dec("5"))
                .build());

    JsonNode line = client.order(orderId).get("order_lines").get(0);
    String raw = rawOrderJson(orderId);

    assertThat(amount(line, "price")).isEqualByComparingTo("3.750");
    assertThat(amount(line.get("taxes").get(0), "amount")).isEqualByComparingTo("0.188");
    assertThat(amount(line.get("shipping_taxes").get(0), "amount")).isEqualByComparingTo("0.125");
    assertThat(raw)
        .contains("\"currency_iso_code\":\"KWD\"")
        .contains("\"price_unit\":1.250")
        .contains("\"price\":3.750")
        .contains("\"total_price\":6.250");
  }

  @Test
  void aZeroDecimalCurrencyHasNoDecimalsAndADefaultShippingRoundedToIt() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .currency("JPY")
                .line("SKU-1", "Tea", 1, dec("1500"), dec("10"))
                .build());

    JsonNode line = client.order(orderId).get("order_lines").get(0);

    assertThat(amount(line.get("taxes").get(0), "amount")).isEqualByComparingTo("136");
    assertThat(rawOrderJson(orderId)).contains("\"shipping_price\":5,").contains("\"price\":1500,");
  }

  @Test
  void amountsAreWrittenWithTheCurrencysTwoDecimals() {
    String orderId =
        simulator.placeOrder(NewOrder.builder().line("SKU-1", "Mug", 1, dec("20")).build());

    assertThat(rawOrderJson(orderId))
        .contains("\"price_unit\":20.00")
        .contains("\"shipping_price\":4.90");
  }

  @Test
  void shippingIsSpreadOverLinesInProportionToTheirPrice() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .shippingPrice(dec("5.00"))
                .line("A", "A", 1, dec("30.00"))
                .line("B", "B", 1, dec("10.00"))
                .build());

    JsonNode lines = client.order(orderId).get("order_lines");

    assertThat(amount(lines.get(0), "shipping_price")).isEqualByComparingTo("3.75");
    assertThat(amount(lines.get(1), "shipping_price")).isEqualByComparingTo("1.25");
  }

  @Test
  void spreadShippingAddsUpToTheOrdersShippingToTheCent() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder()
                .shippingPrice(dec("1.00"))
                .line("A", "A", 1, dec("10.00"))
                .line("B", "B", 1, dec("10.00"))
                .line("C", "C", 1, dec("10.00"))
                .build());

    JsonNode order = client.order(orderId);
    List<BigDecimal> parts = new ArrayList<>();
    for (JsonNode line : order.get("order_lines")) {
      parts.add(amount(line, "shipping_price"));
    }

    assertThat(parts).allSatisfy(part -> assertThat(part).isBetween(dec("0.33"), dec("0.34")));
    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("1.00");
    assertThat(amount(order, "shipping_price")).isEqualByComparingTo("1.00");
  }

  @Test
  void anUntaxedLineHasNoTaxEntry() {
    String orderId =
        simulator.placeOrder(
            NewOrder.builder().line("BOOK", "Book", 1, dec("12.00"), BigDecimal.ZERO).build());

    assertThat(client.order(orderId).get("order_lines").get(0).get("taxes").size()).isZero();
  }
}
