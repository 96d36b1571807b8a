package io.synchron.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection settings of Synchron: the Shopify stores it writes to and the marketplace channels it reads from.
 * Bound from {@code synchron.*}, so YAML, environment variables and command-line options all work.
 */
@ConfigurationProperties("synchron")
public record SynchronProperties(
    @DefaultValue List<Shop> shops,
    @DefaultValue List<Channel> channels,
    @DefaultValue Jobs jobs,
    URI publicUrl,
    @DefaultValue Reconcile reconcile,
    @DefaultValue Finance finance) {

  public SynchronProperties {
    shops = List.copyOf(shops);
    channels = List.copyOf(channels);
    for (Channel channel : channels) {
      if (shops.stream().noneMatch(s -> s.id().equals(channel.shop()))) {
        throw new IllegalArgumentException(
            "synchron.channels '" + channel.id() + "' names shop '" + channel.shop()
                + "', which is not among synchron.shops " + shops.stream().map(Shop::id).toList());
      }
    }
  }

  public Shop shop(String id) {
    return shops.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No shop configured with id " + id));
  }

  public Channel channel(String id) {
    return channels.stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No channel configured with id " + id));
  }

  /** A Shopify store reached through the Admin GraphQL API. */
  public record Shop(
      String id,
      String shopDomain,
      URI adminBaseUrl,
      String accessToken,
      @DefaultValue("2026-07") String apiVersion,
      String webhookSecret,
      String previousWebhookSecret,
      @DefaultValue("DECREMENT_OBEYING_POLICY") String inventoryBehaviour,
      @DefaultValue("PT30S") Duration requestTimeout) {

    public Shop {
      Objects.requireNonNull(id, "synchron.shops[].id is required");
      Objects.requireNonNull(shopDomain, "synchron.shops[" + id + "].shop-domain is required");
      Objects.requireNonNull(accessToken, "synchron.shops[" + id + "].access-token is required");
      if (adminBaseUrl == null) {
        adminBaseUrl = URI.create("https://" + shopDomain);
      }
    }

    /** The versioned GraphQL endpoint, e.g. https://x.myshopify.com/admin/api/2026-07/graphql.json. */
    public URI graphQlEndpoint() {
      String base = adminBaseUrl.toString().replaceAll("/+$", "");
      return URI.create(base + "/admin/api/" + apiVersion + "/graphql.json");
    }
  }

  /** A marketplace account whose orders go to one Shopify store. */
  public record Channel(
      String id,
      Platform platform,
      String shop,
      URI baseUrl,
      String apiKey,
      Long shopId,
      @DefaultValue("PT5M") Duration pollInterval,
      @DefaultValue("PT1M") Duration minPollInterval,
      @DefaultValue("PT10M") Duration pollOverlap,
      @DefaultValue("P7D") Duration initialLookback,
      @DefaultValue("REVIEW") UnmatchedOrderPolicy unmatchedOrders,
      @DefaultValue("PT30S") Duration requestTimeout,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("AUTO") MultiShipment multiShipment,
      @DefaultValue Map<String, String> carrierMapping,
      @DefaultValue Map<String, String> cancelReasons,
      @DefaultValue("CUSTOMER") String shopifyCancelReason,
      @DefaultValue Invoicing invoicing,
      @DefaultValue Map<String, String> refundReasons,
      @DefaultValue Map<String, String> incidentCloseReasons,
      @DefaultValue("REVIEW") ReturnRequests returnRequests,
      @DefaultValue Map<String, String> returnReasons) {

    public Channel {
      carrierMapping = Map.copyOf(carrierMapping);
      cancelReasons = Map.copyOf(cancelReasons);
      refundReasons = Map.copyOf(refundReasons);
      incidentCloseReasons = Map.copyOf(incidentCloseReasons);
      returnReasons = Map.copyOf(returnReasons);
      Objects.requireNonNull(id, "synchron.channels[].id is required");
      Objects.requireNonNull(platform, "synchron.channels[" + id + "].platform is required");
      Objects.requireNonNull(shop, "synchron.channels[" + id + "].shop is required");
      Objects.requireNonNull(baseUrl, "synchron.channels[" + id + "].base-url is required");
      Objects.requireNonNull(apiKey, "synchron.channels[" + id + "].api-key is required");
    }

    /** Mirakl asks sellers to call OR11 at most once a minute: never poll faster than the floor. */
    public Duration effectivePollInterval() {
      return pollInterval.compareTo(minPollInterval) < 0 ? minPollInterval : pollInterval;
    }
  }

  /**
   * Whether to send each Shopify fulfilment as its own marketplace shipment (Mirakl ST01, where the operator enabled
   * multiple shipments) or one shipment per order (OR23 + OR24 once every line has shipped). AUTO tries the first and
   * falls back to the second when the marketplace says it is not enabled.
   */
  public enum MultiShipment {
    AUTO,
    ON,
    OFF
  }

  /**
   * Invoicing of a channel's sales: when (the order state the finance process needs), under which VAT regime, by
   * which legal entity, in which number series, and whether documents go to the marketplace (Mirakl OR74).
   */
  public record Invoicing(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("SHIPPED") InvoiceTrigger trigger,
      @DefaultValue("SELLER_INVOICES") String regime,
      String series,
      String creditNoteSeries,
      @DefaultValue LegalEntity seller,
      @DefaultValue("true") boolean upload,
      @DefaultValue("CUSTOMER_INVOICE") String invoiceDocumentType,
      @DefaultValue("CUSTOMER_INVOICE") String creditNoteDocumentType,
      @DefaultValue Map<String, java.math.BigDecimal> exchangeRates,
      @DefaultValue("false") boolean documentRequests,
      @DefaultValue("false") boolean perShipment,
      @DefaultValue("PT15M") Duration documentRequestInterval) {

    public Invoicing {
      exchangeRates = Map.copyOf(exchangeRates);
    }
  }

  /** When an order's invoice is issued. */
  public enum InvoiceTrigger {
    /** Accepted on the marketplace (and the buyer's address known). */
    ACCEPTED,
    /** Shipped (validated on the marketplace). */
    SHIPPED,
    /** Received by the customer according to the marketplace. */
    DELIVERED
  }

  /** The selling legal entity printed on invoices. */
  public record LegalEntity(
      String name,
      String street,
      String postalCode,
      String city,
      String countryCode,
      String vatId,
      String registration,
      String paymentTerms,
      String iban,
      String bic,
      String accountingCurrency,
      @DefaultValue("Europe/Paris") String zone) {}

  /** Where finance events (invoice.issued, credit_note.issued) are delivered. */
  public record Finance(@DefaultValue List<FinanceEndpoint> endpoints) {
    public Finance {
      endpoints = List.copyOf(endpoints);
    }
  }

  /** A finance system's HTTPS endpoint and the secret its deliveries are signed with. */
  public record FinanceEndpoint(String id, URI url, String secret) {
    public FinanceEndpoint {
      Objects.requireNonNull(id, "synchron.finance.endpoints[].id is required");
      Objects.requireNonNull(url, "synchron.finance.endpoints[" + id + "].url is required");
      Objects.requireNonNull(secret, "synchron.finance.endpoints[" + id + "].secret is required");
    }
  }

  /** The reconciliation sweep that re-reads recently changed Shopify orders, in case a webhook was lost. */
  public record Reconcile(@DefaultValue("PT5M") Duration interval, @DefaultValue("true") boolean enabled,
      @DefaultValue("PT1H") Duration refundCheckInterval) {}

  /** What happens to a return a customer asks for on the marketplace (Mirakl WAITING_ACCEPTANCE). */
  public enum ReturnRequests {
    /** A person accepts or refuses it in Synchron (it is shown as an exception until then). */
    REVIEW,
    /** Synchron accepts it at once. */
    ACCEPT
  }

  /** What happens to an order Synchron cannot fulfil from Shopify (unknown SKU, short stock). */
  public enum UnmatchedOrderPolicy {
    /** Keep it waiting on the marketplace and show it as an exception for a person to accept or refuse. */
    REVIEW,
    /** Refuse it on the marketplace at once. */
    REFUSE
  }

  /** The marketplace platforms Synchron knows; property values are mirakl, mirakl-connect, octopia... */
  public enum Platform {
    MIRAKL,
    MIRAKL_CONNECT,
    OCTOPIA,
    MARKETPLACER,
    VIRTUALSTOCK
  }

  /** The durable job runner. */
  public record Jobs(
      @DefaultValue("4") int workers,
      @DefaultValue("PT0.5S") Duration idlePause,
      @DefaultValue("PT5M") Duration lease,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("PT2S") Duration initialBackoff,
      @DefaultValue("PT30M") Duration maxBackoff,
      @DefaultValue("true") boolean enabled) {}
}
