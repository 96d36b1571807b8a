package io.synchron.intake;

import io.synchron.config.SynchronProperties;
import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector;
import io.synchron.connector.MarketplaceConnector.CarrierTracking;
import io.synchron.connector.MultiShipmentUnavailableException;
import io.synchron.connector.PlatformException;
import io.synchron.jobs.Job;
import io.synchron.jobs.JobContext;
import io.synchron.jobs.JobHandler;
import io.synchron.order.MarketplaceOrder;
import io.synchron.order.MarketplaceState;
import io.synchron.order.OrderEvent;
import io.synchron.order.Shipment;
import io.synchron.order.Shipments;
import io.synchron.order.SyncedOrder;
import io.synchron.order.SyncedOrderId;
import io.synchron.order.SyncedOrders;
import io.synchron.shared.Failure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the marketplace about a Shopify fulfilment. Where the operator allows several shipments per order (Mirakl
 * ST01), each fulfilment becomes its own shipment with its own tracking, shipped at once. Otherwise Mirakl holds one
 * tracking per order: a fulfilment that leaves lines unshipped waits, and when the last lines ship the order's
 * tracking is set (OR23, the last parcel's) and the shipment validated (OR24). Before writing, it reads the
 * marketplace's state, so a retry after a lost answer or a crash neither ships twice nor loses the tracking; a
 * fulfilment of lines the marketplace has cancelled is a conflict for a person, never a silent drop.
 */
@Component
class PushShipmentHandler implements JobHandler {

  private final SyncedOrders orders;
  private final Shipments shipments;
  private final Connectors connectors;
  private final MarketplaceReferenceData reference;
  private final SynchronProperties properties;
  private final OrderFlow flow;
  private final TransactionTemplate tx;
  /** Channels in AUTO mode found not to allow multiple shipments, and when; asked again a day later. */
  private final Map<String, java.time.Instant> singleShipmentChannels = new ConcurrentHashMap<>();
  private final java.time.Clock clock;

  PushShipmentHandler(
      SyncedOrders orders,
      Shipments shipments,
      Connectors connectors,
      MarketplaceReferenceData reference,
      SynchronProperties properties,
      OrderFlow flow,
      TransactionTemplate tx,
      java.time.Clock clock) {
    this.clock = clock;
    this.orders = orders;
    this.shipments = shipments;
    this.connectors = connectors;
    this.reference = reference;
    this.properties = properties;
    this.flow = flow;
    this.tx = tx;
  }

  @Override
  public String kind() {
    return OrderFlow.PUSH_SHIPMENT;
  }

  @Override
  public void run(Job job, JobContext context) {
    String fulfillment = JobPayloads.text(job.payload(), "fulfillment");
    SyncedOrderId id = new SyncedOrderId(job.syncedOrderId());
    SyncedOrder order = orders.find(id).orElseThrow();
    Shipment shipment = shipments.byFulfillment(fulfillment).orElseThrow();
    if (shipment.status() != Shipment.Status.TO_PUSH && shipment.status() != Shipment.Status.WAITING_FOR_OTHER_LINES) {
      return;
    }
    MarketplaceConnector marketplace = connectors.marketplace(order.channelId());
    MarketplaceOrder current = marketplace.currentOrder(order.marketplaceOrderId())
        .orElseThrow(() -> conflict("the order is not found on the marketplace"));
    checkNoConflict(current, shipment);
    if (current.state() == MarketplaceState.WAITING_ACCEPTANCE || current.state() == MarketplaceState.WAITING_DEBIT
        || current.state() == MarketplaceState.WAITING_DEBIT_PAYMENT || current.state() == MarketplaceState.STAGING) {
      throw new WaitForMarketplace("the marketplace order is " + current.rawState() + ", not yet SHIPPING");
    }
    CarrierTracking tracking = reference.tracking(order.channelId(), shipment.tracking().company(),
        shipment.tracking().number(), shipment.tracking().url());
    if (useMultiShipment(order.channelId())) {
      try {
        pushAsOwnShipment(order, shipment, marketplace, tracking, context);
        return;
      } catch (MultiShipmentUnavailableException e) {
        if (properties.channel(order.channelId()).multiShipment() == SynchronProperties.MultiShipment.ON) {
          throw new PlatformException(marketplace.platformName(), e.getMessage() + " but the channel's multi-shipment"
              + " is ON", 404, null, null, new Failure.Permanent(e.getMessage()), e);
        }
        singleShipmentChannels.put(order.channelId(), clock.instant());
      }
    }
    pushAsOrderShipment(order, shipment, current, marketplace, tracking, context);
  }

  private boolean useMultiShipment(String channelId) {
    return switch (properties.channel(channelId).multiShipment()) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> {
        java.time.Instant found = singleShipmentChannels.get(channelId);
        yield found == null || found.plus(Duration.ofDays(1)).isBefore(clock.instant());
      }
    };
  }

  private void pushAsOwnShipment(SyncedOrder order, Shipment shipment, MarketplaceConnector marketplace,
      CarrierTracking tracking, JobContext context) {
    // Read before write: a shipment created by an attempt whose answer was lost carries the same tracking and lines.
    // Remote shipments already linked to other fulfilments are theirs, never this one's.
    java.util.Set<String> taken = shipments.ofOrder(order.id()).stream()
        .filter(s -> !s.fulfillmentGid().equals(shipment.fulfillmentGid()) && s.marketplaceShipmentId() != null)
        .map(Shipment::marketplaceShipmentId)
        .collect(java.util.stream.Collectors.toSet());
    Optional<MarketplaceConnector.RemoteShipment> existing = marketplace.shipments(order.marketplaceOrderId()).stream()
        .filter(s -> !taken.contains(s.id()))
        .filter(s -> java.util.Objects.equals(tracking.trackingNumber(), s.trackingNumber())
            && s.quantityByLine().equals(shipment.lines()))
        .findFirst();
    String shipmentId = existing.isPresent()
        ? existing.get().id()
        : marketplace.createShipment(order.marketplaceOrderId(), shipment.lines(), tracking);
    boolean found = existing.isPresent();
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      shipments.save(shipment.pushed(shipmentId, shipment.tracking().fingerprint()));
      locked.note(OrderEvent.Side.MARKETPLACE, "SHIPMENT_SENT", (found ? "Found shipment " : "Created shipment ")
          + shipmentId + " on the marketplace with " + describe(tracking) + " for lines " + shipment.lines());
      if (allLinesShipped(locked, shipmentsAfter(locked.id(), shipment))) {
        locked.shippedOnMarketplace("Every line shipped on the marketplace");
      }
      flow.saveAndQueue(locked);
      context.completeInTransaction(shipmentId);
    });
  }

  private void pushAsOrderShipment(SyncedOrder order, Shipment shipment, MarketplaceOrder current,
      MarketplaceConnector marketplace, CarrierTracking tracking, JobContext context) {
    List<Shipment> all = shipmentsAfter(order.id(), shipment);
    if (!allLinesShipped(order, all)) {
      tx.executeWithoutResult(status -> {
        SyncedOrder locked = orders.lock(order.id()).orElseThrow();
        if (shipment.status() != Shipment.Status.WAITING_FOR_OTHER_LINES) {
          shipments.save(shipment.withStatus(Shipment.Status.WAITING_FOR_OTHER_LINES));
          locked.note(OrderEvent.Side.MARKETPLACE, "PARTIAL_SHIPMENT_PENDING",
              "Partial shipment (" + describe(tracking) + ", lines " + shipment.lines() + "): this marketplace takes one"
                  + " shipment per order, so it is validated when every line has shipped; still to ship: "
                  + remaining(locked, all));
          orders.save(locked);
        }
        context.completeInTransaction("waiting for other lines");
      });
      return;
    }
    boolean alreadyShipped = current.state() != MarketplaceState.SHIPPING;
    if (!alreadyShipped) {
      marketplace.setTracking(order.marketplaceOrderId(), tracking);
      marketplace.confirmShipment(order.marketplaceOrderId());
    }
    tx.executeWithoutResult(status -> {
      SyncedOrder locked = orders.lock(order.id()).orElseThrow();
      for (Shipment s : all) {
        if (s.status() == Shipment.Status.TO_PUSH || s.status() == Shipment.Status.WAITING_FOR_OTHER_LINES) {
          shipments.save(s.pushed(null, s.tracking().fingerprint()));
        }
      }
      locked.shippedOnMarketplace(alreadyShipped
          ? "The marketplace already had the order as " + current.rawState() + "; nothing sent again"
          : "Tracking " + describe(tracking) + " sent and shipment validated on the marketplace (OR23, OR24)");
      flow.saveAndQueue(locked);
      context.completeInTransaction(alreadyShipped ? "already shipped" : "shipped");
    });
  }

  /** This order's shipments as they will be once this one is counted (cancelled ones never count). */
  private List<Shipment> shipmentsAfter(SyncedOrderId id, Shipment shipment) {
    return shipments.ofOrder(id).stream()
        .filter(s -> s.status() != Shipment.Status.CANCELLED)
        .map(s -> s.fulfillmentGid().equals(shipment.fulfillmentGid()) ? shipment : s)
        .toList();
  }

  private static Map<String, Integer> shippedQuantities(List<Shipment> all) {
    Map<String, Integer> shipped = new HashMap<>();
    for (Shipment s : all) {
      s.lines().forEach((line, qty) -> shipped.merge(line, qty, Integer::sum));
    }
    return shipped;
  }

  static boolean allLinesShipped(SyncedOrder order, List<Shipment> all) {
    Map<String, Integer> shipped = shippedQuantities(all);
    return ImportDraftFactory.importedLines(order.snapshot()).stream()
        .allMatch(l -> shipped.getOrDefault(l.lineId(), 0) >= l.remainingQuantity());
  }

  private static Map<String, Integer> remaining(SyncedOrder order, List<Shipment> all) {
    Map<String, Integer> shipped = shippedQuantities(all);
    Map<String, Integer> left = new java.util.LinkedHashMap<>();
    for (MarketplaceOrder.Line l : ImportDraftFactory.importedLines(order.snapshot())) {
      int rest = l.remainingQuantity() - shipped.getOrDefault(l.lineId(), 0);
      if (rest > 0) {
        left.put(l.lineId(), rest);
      }
    }
    return left;
  }

  private static void checkNoConflict(MarketplaceOrder current, Shipment shipment) {
    if (current.state() == MarketplaceState.CANCELED || current.state() == MarketplaceState.REFUSED) {
      throw conflict("shipped in Shopify (" + shipment.fulfillmentGid() + ") but the marketplace order is "
          + current.rawState() + ". Stop the parcel or arrange a return, then dismiss this exception.");
    }
    for (MarketplaceOrder.Line line : current.lines()) {
      if (shipment.lines().containsKey(line.lineId())
          && ("CANCELED".equals(line.rawState()) || "REFUSED".equals(line.rawState()))) {
        throw conflict("Shopify fulfilment " + shipment.fulfillmentGid() + " ships line " + line.lineId()
            + ", which the marketplace has " + line.rawState() + ". Stop that item or arrange a return, then dismiss.");
      }
    }
  }

  private static PlatformException conflict(String message) {
    return new PlatformException("Synchron", "Conflict: " + message, 0, "CONFLICT", null,
        new Failure.Permanent(message), null);
  }

  static String describe(CarrierTracking t) {
    String carrier = t.carrierCode() != null ? t.carrierCode() : t.carrierName() + " (not a marketplace carrier)";
    return carrier + " " + (t.trackingNumber() == null ? "without tracking number" : t.trackingNumber());
  }

  @Override
  public void failed(Job job, Failure failure, boolean parked) {
    IntakeNotes.note(orders, job, OrderEvent.Side.MARKETPLACE, "Sending the shipment", failure, parked);
  }

  /** The marketplace is not ready for the shipment yet (not paid): try again later, it will be. */
  static final class WaitForMarketplace extends RuntimeException implements Failure.Classified {
    WaitForMarketplace(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.RetryAfter(Duration.ofMinutes(5), getMessage());
    }
  }
}
