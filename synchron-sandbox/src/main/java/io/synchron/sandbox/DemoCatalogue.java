package io.synchron.sandbox;

import io.synchron.simulator.shopify.ShopifySimulator;
import java.math.BigDecimal;
import java.util.List;

/** The sandbox store's products: what demo orders buy, plus one that is nearly out of stock. */
final class DemoCatalogue {

  record Product(String sku, String title, BigDecimal price, int stock) {}

  static final List<Product> PRODUCTS =
      List.of(
          new Product("MUG-BLUE", "Stoneware mug, blue", new BigDecimal("14.90"), 5_000),
          new Product("MUG-RED", "Stoneware mug, red", new BigDecimal("14.90"), 5_000),
          new Product("TEE-M", "Organic cotton T-shirt, M", new BigDecimal("24.00"), 5_000),
          new Product("TEE-L", "Organic cotton T-shirt, L", new BigDecimal("24.00"), 5_000),
          new Product("LAMP-01", "Desk lamp", new BigDecimal("59.00"), 5_000),
          new Product("BOOK-ZH", "茶经 (The Classic of Tea)", new BigDecimal("18.50"), 5_000),
          new Product("GIFT-CARD", "Gift wrapping", new BigDecimal("0.00"), 100_000),
          new Product("LIMITED-01", "Limited edition print", new BigDecimal("120.00"), 3));

  static final String UNKNOWN_SKU = "NOT-IN-SHOPIFY";
  static final String SCARCE_SKU = "LIMITED-01";

  private DemoCatalogue() {}

  static void stock(ShopifySimulator shopify) {
    for (Product p : PRODUCTS) {
      shopify.addProduct(p.sku(), p.title(), p.price(), p.stock());
    }
  }
}
