package io.synchron.sandbox;

import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.mirakl.NewCustomer;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.shopify.ShopifySimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady trickle of marketplace orders, as customers would place them: mostly ordinary ones (one to three lines,
 * some with a zero-price gift line, customers from several countries and scripts), and now and then an unknown
 * SKU, a quantity beyond stock, or a customer who cancels before paying — the cases an operations team meets.
 */
final class DemoTraffic {

  private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
  private static final List<NewCustomer> CUSTOMERS =
      List.of(
          new NewCustomer("Camille", "Durand", null, "12 rue des Lilas", null, "75011", "Paris", null, "FRA",
              "+33612345678", "fr_FR"),
          new NewCustomer("Jürgen", "Groß", "Groß GmbH", "Hauptstraße 5", "Hinterhaus", "10115", "Berlin", null,
              "DEU", null, "de_DE"),
          new NewCustomer("Sofia", "Rossi", null, "Via Roma 1", null, "00184", "Roma", "RM", "ITA", "+39061234567",
              "it_IT"),
          new NewCustomer("美咲", "佐藤", null, "千代田区丸の内1-1", null, "100-0005", "東京", null, "JPN", null,
              "ja_JP"),
          new NewCustomer("Oliver", "Smith", null,
              "Flat 4, The Old Rectory, Long Lane with a very long address line that keeps going", null, "SW1A 1AA",
              "London", null, "GBR", null, "en_GB"));

  private final MiraklSimulator mirakl;
  private final ShopifySimulator shopify;
  private final Duration every;
  private final Random random = new Random(42);
  // The simulator forgets its orders when the service stops, but the ledger does not: each run numbers its orders
  // afresh so that a restart never meets an old order id.
  private final String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(java.util.Locale.ROOT);
  private ScheduledExecutorService timer;
  private int placed;

  DemoTraffic(MiraklSimulator mirakl, ShopifySimulator shopify, Duration every) {
    this.mirakl = mirakl;
    this.shopify = shopify;
    this.every = every;
  }

  /** Starts the timer: it places orders when {@code placeOrders}, and always keeps the journals bounded. */
  void start(boolean placeOrders) {
    this.placeOrders = placeOrders;
    start();
  }

  private boolean placeOrders = true;
  private long ticks;

  private void tick() {
    // The simulators journal every exchange for tests; a sandbox that runs for days must not keep them all.
    if (++ticks % 20 == 0) {
      mirakl.clearJournal();
      shopify.clearJournal();
    }
    if (placeOrders) {
      placeOne();
      warehouse();
      afterSales();
    }
  }

  /**
   * After the sale, now and then: the operator refunds part of a shipped line, a customer asks to return a unit, or
   * opens an incident; and the warehouse processes the returns opened in Shopify (restocked, refunded) — so refunds,
   * returns and incidents can be watched going both ways.
   */
  private void afterSales() {
    try {
      for (io.synchron.simulator.shopify.OrderView order : shopify.orders()) {
        for (var r : order.returns()) {
          if ("OPEN".equals(r.status()) && random.nextInt(4) == 0) {
            java.util.Map<String, Integer> units = new java.util.HashMap<>();
            for (var line : r.lines()) {
              units.merge(line.sku(), line.quantity() - line.processedQuantity(), Integer::sum);
            }
            units.values().removeIf(q -> q <= 0);
            if (!units.isEmpty()) {
              shopify.processReturn(r.id(), units, true, true);
              return;
            }
          }
        }
      }
      if (random.nextInt(12) != 0) {
        return;
      }
      List<io.synchron.simulator.mirakl.OrderView> shipped = mirakl.orders().stream()
          .filter(o -> "SHIPPED".equals(o.state()) && o.refunds().isEmpty() && !o.lineIds().isEmpty())
          .toList();
      if (shipped.isEmpty()) {
        return;
      }
      io.synchron.simulator.mirakl.OrderView order = shipped.get(random.nextInt(shipped.size()));
      String line = order.lineIds().get(0);
      switch (random.nextInt(3)) {
        case 0 -> mirakl.refundByOperator(order.orderId(), line, new BigDecimal("5.00"), BigDecimal.ZERO, "15");
        case 1 -> mirakl.requestReturn(order.orderId(), java.util.Map.of(line, 1), "RETURN_CHANGED_MIND");
        default -> mirakl.openIncident(order.orderId(), line, "2");
      }
    } catch (RuntimeException e) {
      log.debug("Demo after-sales step not made: {}", e.toString());
    }
  }

  private static final List<String> CARRIERS = List.of("Colissimo", "UPS", "DHL Express", "Chronopost", "Bob's Couriers");

  /**
   * The warehouse side: an imported order is fulfilled in Shopify a little while after it arrives (now and then in
   * two parcels, now and then with a carrier the marketplace does not know), and once in a while the marketplace
   * cancels a paid order before it ships — so the whole loop can be watched.
   */
  private void warehouse() {
    try {
      java.time.Instant cutoff = java.time.Instant.now().minusSeconds(10);
      for (io.synchron.simulator.shopify.OrderView order : shopify.orders()) {
        boolean open = order.cancelledAt() == null
            && order.lineItems().stream().anyMatch(l -> l.currentQuantity() > 0)
            && !"FULFILLED".equals(order.displayFulfillmentStatus());
        if (!open || order.createdAt().isAfter(cutoff) || random.nextInt(3) != 0) {
          continue;
        }
        if (random.nextInt(25) == 0 && order.sourceIdentifier() != null) {
          String marketplaceId = order.sourceIdentifier().substring(order.sourceIdentifier().lastIndexOf(':') + 1);
          if ("SHIPPING".equals(mirakl.order(marketplaceId).state())) {
            mirakl.cancelByOperator(marketplaceId, "35");
            return;
          }
        }
        String carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
        String tracking = "TRK" + (100_000_000 + random.nextInt(900_000_000));
        java.util.Map<String, Integer> parcel = new java.util.HashMap<>();
        if (order.lineItems().size() > 1 && random.nextInt(5) == 0
            && order.fulfillments().isEmpty()) {
          var first = order.lineItems().get(0);
          parcel.put(first.sku(), first.currentQuantity());
        }
        shopify.fulfill(order.id(), parcel, carrier, tracking, "https://tracking.example/" + tracking);
        return;
      }
    } catch (RuntimeException e) {
      log.warn("Demo fulfilment not made: {}", e.toString());
    }
  }

  void start() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "synchron-sandbox-demo");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void placeOne() {
    try {
      int dice = random.nextInt(100);
      NewOrder.Builder order =
          NewOrder.builder()
              .currency("EUR")
              .taxMode(random.nextBoolean() ? NewOrder.TAX_INCLUDED : NewOrder.TAX_EXCLUDED)
              .customer(CUSTOMERS.get(random.nextInt(CUSTOMERS.size())))
              .commercialId("DEMO-" + run + "-" + (placed + 1))
              .referenceForCustomer("WEB-" + (100_000 + placed));
      if (dice < 6) {
        order.line(DemoCatalogue.UNKNOWN_SKU, "A product this store does not sell", 1, new BigDecimal("9.99"));
      } else if (dice < 12) {
        order.line(DemoCatalogue.SCARCE_SKU, "Limited edition print", 5, new BigDecimal("120.00"));
      } else {
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
          DemoCatalogue.Product p = DemoCatalogue.PRODUCTS.get(random.nextInt(6));
          order.line(p.sku(), p.title(), 1 + random.nextInt(3), p.price());
        }
        if (random.nextInt(5) == 0) {
          order.line("GIFT-CARD", "Gift wrapping", 1, BigDecimal.ZERO);
        }
      }
      String id = mirakl.placeOrder(order.build());
      placed++;
      if (dice >= 12 && dice < 16) {
        mirakl.cancelByCustomer(id);
      }
    } catch (RuntimeException e) {
      log.warn("Demo order not placed: {}", e.toString());
    }
  }
}
