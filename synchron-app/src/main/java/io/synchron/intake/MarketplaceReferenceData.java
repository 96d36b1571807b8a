package io.synchron.intake;

import io.synchron.connector.Connectors;
import io.synchron.connector.MarketplaceConnector.Carrier;
import io.synchron.connector.MarketplaceConnector.CarrierTracking;
import io.synchron.connector.MarketplaceConnector.Reason;
import io.synchron.config.SynchronProperties;
import io.synchron.shared.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The marketplace's carriers (SH21) and reasons (RE01), read once a day per channel as Mirakl recommends, and the
 * rules that map Shopify's words onto them: a Shopify tracking company becomes a marketplace carrier code by the
 * channel's mapping table first, then by matching the carrier's code, label or standard code (ignoring case, spaces
 * and punctuation); a carrier the marketplace does not know is sent by name with the tracking URL, as Mirakl
 * documents for unregistered carriers.
 */
@Component
class MarketplaceReferenceData {

  private static final Duration TTL = Duration.ofHours(24);

  private final Connectors connectors;
  private final SynchronProperties properties;
  private final Clock clock;
  private final Map<String, Cached<List<Carrier>>> carriers = new ConcurrentHashMap<>();
  private final Map<String, Cached<List<Reason>>> reasons = new ConcurrentHashMap<>();

  MarketplaceReferenceData(Connectors connectors, SynchronProperties properties, Clock clock) {
    this.connectors = connectors;
    this.properties = properties;
    this.clock = clock;
  }

  private record Cached<T>(T value, Instant at) {}

  List<Carrier> carriers(String channelId) {
    Cached<List<Carrier>> cached = carriers.get(channelId);
    if (cached == null || cached.at().plus(TTL).isBefore(clock.instant())) {
      cached = new Cached<>(connectors.marketplace(channelId).carriers(), clock.instant());
      carriers.put(channelId, cached);
    }
    return cached.value();
  }

  List<Reason> reasons(String channelId, String type) {
    String key = channelId + "|" + type;
    Cached<List<Reason>> cached = reasons.get(key);
    if (cached == null || cached.at().plus(TTL).isBefore(clock.instant())) {
      cached = new Cached<>(connectors.marketplace(channelId).reasons(type), clock.instant());
      reasons.put(key, cached);
    }
    return cached.value();
  }

  /** What to send as tracking for a Shopify fulfilment's company, number and URL. */
  CarrierTracking tracking(String channelId, String company, String number, String url) {
    return trackingFor(properties.channel(channelId).carrierMapping(), carriers(channelId), company, number, url);
  }

  static CarrierTracking trackingFor(
      Map<String, String> mapping, List<Carrier> carriers, String company, String number, String url) {
    Optional<Carrier> carrier = Optional.empty();
    if (company != null) {
      String mapped = mapping.entrySet().stream()
          .filter(e -> normalise(e.getKey()).equals(normalise(company)))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
      if (mapped != null) {
        carrier = carriers.stream().filter(c -> c.code().equalsIgnoreCase(mapped)).findFirst();
      }
      if (carrier.isEmpty()) {
        String wanted = normalise(company);
        carrier = carriers.stream()
            .filter(c -> wanted.equals(normalise(c.code())) || wanted.equals(normalise(c.label()))
                || (c.standardCode() != null && wanted.equals(normalise(c.standardCode()))))
            .findFirst();
      }
    }
    if (carrier.isPresent()) {
      return new CarrierTracking(carrier.get().code(), carrier.get().label(), null, number);
    }
    return new CarrierTracking(null, company == null ? "Other" : company, url, number);
  }

  static String normalise(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * The marketplace's cancellation reason for a Shopify cancel reason: the channel's mapping (Shopify reason →
   * marketplace code), else the first cancellation reason the shop may use. A mapped code the marketplace does not
   * list is refused: sending it would be rejected anyway.
   */
  String cancellationReason(String channelId, String shopifyReason) {
    List<Reason> available = reasons(channelId, "CANCELATION");
    String mapped = properties.channel(channelId).cancelReasons()
        .get(shopifyReason == null ? "OTHER" : shopifyReason.toUpperCase(Locale.ROOT));
    if (mapped == null) {
      mapped = properties.channel(channelId).cancelReasons().get("DEFAULT");
    }
    if (mapped != null) {
      String code = mapped;
      return available.stream().filter(r -> r.code().equals(code)).findFirst().map(Reason::code)
          .orElseThrow(() -> new ReferenceDataProblem("Cancellation reason code " + code + " (mapped for "
              + shopifyReason + ") is not among the marketplace's cancellation reasons " + available.stream()
              .map(Reason::code).toList()));
    }
    return available.stream().findFirst().map(Reason::code)
        .orElseThrow(() -> new ReferenceDataProblem("The marketplace lists no cancellation reason the shop may use"));
  }

  /**
   * The marketplace's refund reason (RE01 type REFUND) for a refund made in Shopify: the channel's mapping, keyed by
   * the Shopify return reason when the refund follows a return, else its DEFAULT entry, else the first refund reason
   * the shop may use. A mapped code the marketplace does not list is refused.
   */
  String refundReason(String channelId, String shopifyReason) {
    return mappedReason(channelId, "REFUND", properties.channel(channelId).refundReasons(), shopifyReason, "refund");
  }

  /** The marketplace's reason (RE01 type INCIDENT_CLOSE) for closing an incident, chosen the same way. */
  String incidentCloseReason(String channelId, String key) {
    return mappedReason(channelId, "INCIDENT_CLOSE", properties.channel(channelId).incidentCloseReasons(), key,
        "incident close");
  }

  /** The marketplace's return reason (RE01 type RETURN) for a Shopify return reason, chosen the same way. */
  String returnReason(String channelId, String shopifyReason) {
    return mappedReason(channelId, "RETURN", properties.channel(channelId).returnReasons(), shopifyReason, "return");
  }

  /** Whether the marketplace lists this code among the reasons of the type the shop may use. */
  boolean knowsReason(String channelId, String type, String code) {
    return reasons(channelId, type).stream().anyMatch(r -> r.code().equals(code));
  }

  private String mappedReason(String channelId, String type, Map<String, String> mapping, String key, String what) {
    List<Reason> available = reasons(channelId, type);
    String mapped = key == null ? null : mapping.get(key.toUpperCase(Locale.ROOT));
    if (mapped == null) {
      mapped = mapping.get("DEFAULT");
    }
    if (mapped != null) {
      String code = mapped;
      return available.stream().filter(r -> r.code().equals(code)).findFirst().map(Reason::code)
          .orElseThrow(() -> new ReferenceDataProblem("The " + what + " reason code " + code + " (mapped for "
              + (key == null ? "DEFAULT" : key) + ") is not among the marketplace's " + what + " reasons "
              + available.stream().map(Reason::code).toList()));
    }
    return available.stream().findFirst().map(Reason::code)
        .orElseThrow(() -> new ReferenceDataProblem("The marketplace lists no " + what + " reason the shop may use"));
  }

  /** A mapping the marketplace cannot take: a person must fix the channel's configuration. */
  static final class ReferenceDataProblem extends RuntimeException implements Failure.Classified {
    ReferenceDataProblem(String message) {
      super(message);
    }

    @Override
    public Failure failure() {
      return new Failure.Permanent(getMessage());
    }
  }
}
