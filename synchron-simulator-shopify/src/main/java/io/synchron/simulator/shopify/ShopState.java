package io.synchron.simulator.shopify;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shop's data and business rules. Every method is synchronized on this object; the HTTP handler
 * also holds this monitor for a whole document execution, so one document sees and changes a
 * consistent state. What happens to orders after creation (fulfilment, cancellation, edits) lives
 * in {@link OrderDesk}, under the same monitor; webhooks are handed to the {@link
 * WebhookDispatcher}, which sends them on its own threads.
 */
final class ShopState {

  static final String SHOP_CURRENCY = "EUR";
  static final String DEFAULT_APP_NAMESPACE = "$app";
  private static final Pattern GID = Pattern.compile("gid://shopify/([A-Za-z]+)/(\\d+)(\\?.*)?");
  private static final Set<String> METAFIELD_TYPES = metafieldTypes();

  private final Clock clock;
  private final String shopDomain;
  private volatile Duration searchIndexLag;
  private volatile boolean uniqueIdMetafieldEnforced;

  private long nextId = 5_000_000_001L;
  private long nextOrderNumber = 1001;
  private final String shopId;
  private final Location location;
  private final Map<String, Variant> variantsById = new LinkedHashMap<>();
  private final List<StoredOrder> orders = new ArrayList<>();
  private final List<Definition> definitions = new ArrayList<>();
  private final WebhookDispatcher webhooks;
  private final OrderDesk desk;
  private final RefundDesk refunds;

  /**
   * Switches between the readings of Shopify behaviour the reference leaves open, while running.
   */
  void readings(Duration searchIndexLag, boolean uniqueIdEnforced) {
    this.searchIndexLag = searchIndexLag;
    this.uniqueIdMetafieldEnforced = uniqueIdEnforced;
  }

  ShopState(
      Clock clock,
      String shopDomain,
      Duration searchIndexLag,
      boolean uniqueIdEnforced,
      WebhookDispatcher webhooks) {
    this.clock = clock;
    this.webhooks = webhooks;
    this.shopDomain = shopDomain;
    this.searchIndexLag = searchIndexLag;
    this.uniqueIdMetafieldEnforced = uniqueIdEnforced;
    this.shopId = gid("Shop", nextId++);
    long locationNumber = nextId++;
    this.location = new Location(gid("Location", locationNumber), locationNumber, "Shop location");
    this.desk = new OrderDesk(this, webhooks);
    this.refunds = new RefundDesk(this, desk, webhooks);
  }

  // ---- domain records -------------------------------------------------------------------------

  record Product(String id, long legacyId, String title) {}

  record Location(String id, long legacyId, String name) {}

  /** A variant; {@code available} is the only mutable part. */
  static final class Variant {
    final String id;
    final long legacyId;
    final String sku;
    final String title;
    final BigDecimal price;
    final String inventoryItemId;
    final long inventoryItemLegacyId;
    final Product product;
    int available;

    Variant(
        String id,
        long legacyId,
        String sku,
        BigDecimal price,
        String inventoryItemId,
        long inventoryItemLegacyId,
        Product product,
        int available) {
      this.id = id;
      this.legacyId = legacyId;
      this.sku = sku;
      this.title = "Default Title";
      this.price = price;
      this.inventoryItemId = inventoryItemId;
      this.inventoryItemLegacyId = inventoryItemLegacyId;
      this.product = product;
      this.available = available;
    }
  }

  record Metafield(String id, String namespace, String key, String type, String value) {}

  record Definition(
      String id, String name, String namespace, String key, String type, String ownerType) {}

  /**
   * One unit price times quantity of a product.
   *
   * @param taxLines the line's taxes for all its units (line-level tax lines as given, plus its
   *     share of order-level ones), in shop money
   */
  record LineItem(
      String id,
      Variant variant,
      String sku,
      String title,
      String variantTitle,
      int quantity,
      BigDecimal unitPrice,
      String currency,
      BigDecimal presentmentUnitPrice,
      String presentmentCurrency,
      boolean taxable,
      List<TaxLine> taxLines) {

    /** The line's original total, {@code unitPrice × quantity} (no discounts are modelled). */
    BigDecimal total() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    BigDecimal tax() {
      return taxLines.stream().map(TaxLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * A tax charged on a line item or a shipping line: the amount for the whole line, in shop money.
   */
  record TaxLine(String title, BigDecimal rate, BigDecimal amount, Boolean channelLiable) {}

  /** A shipping line of an order; its price includes tax when the order's taxes are included. */
  record ShippingLine(
      String id,
      long legacyId,
      String title,
      String code,
      String source,
      BigDecimal price,
      List<TaxLine> taxLines) {

    BigDecimal tax() {
      return taxLines.stream().map(TaxLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A transaction the order was created with (or the manual SALE of an order created PAID). */
  record PaymentTransaction(
      String id,
      long legacyId,
      String kind,
      String status,
      String gateway,
      BigDecimal amount,
      Instant processedAt,
      boolean test) {

    boolean captured() {
      return status.equals("SUCCESS") && (kind.equals("SALE") || kind.equals("CAPTURE"));
    }
  }

  /**
   * An order.
   *
   * @param taxesIncluded whether line and shipping prices include their taxes
   * @param shippingLines the order's shipping lines
   * @param transactions the payment transactions it was created with; an order created PAID without
   *     any gets one manual SALE of its total price
   */
  record StoredOrder(
      String id,
      long legacyId,
      String name,
      Instant createdAt,
      Instant processedAt,
      String sourceIdentifier,
      String sourceName,
      List<String> tags,
      String note,
      String email,
      String poNumber,
      boolean test,
      String currency,
      String presentmentCurrency,
      String financialStatus,
      List<Map<String, String>> customAttributes,
      List<LineItem> lineItems,
      List<Metafield> metafields,
      String inventoryBehaviour,
      Map<String, Object> input,
      OrderLife life,
      boolean taxesIncluded,
      List<ShippingLine> shippingLines,
      List<PaymentTransaction> transactions) {

    Optional<Metafield> metafield(String namespace, String key) {
      return metafields.stream()
          .filter(m -> m.namespace().equals(namespace) && m.key().equals(key))
          .findFirst();
    }

    /** {@code displayFinancialStatus}: as created, then following the refunds. */
    String displayFinancialStatus() {
      return life.financialStatus(financialStatus, paid());
    }

    /** The original price of every line (before refunds and removals). */
    BigDecimal subtotal() {
      BigDecimal total = BigDecimal.ZERO;
      for (LineItem line : lineItems) {
        total = total.add(line.total());
      }
      return total;
    }

    /** The shipping lines' prices in shop money. */
    BigDecimal shippingTotal() {
      return shippingLines.stream()
          .map(ShippingLine::price)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every tax of the lines and the shipping lines. */
    BigDecimal totalTax() {
      BigDecimal total = BigDecimal.ZERO;
      for (LineItem line : lineItems) {
        total = total.add(line.tax());
      }
      for (ShippingLine shipping : shippingLines) {
        total = total.add(shipping.tax());
      }
      return total;
    }

    /** Lines and shipping, plus their taxes unless the prices include them. */
    BigDecimal totalPrice() {
      BigDecimal total = subtotal().add(shippingTotal());
      return taxesIncluded ? total : total.add(totalTax());
    }

    /** What the customer paid: the successful SALE and CAPTURE transactions. */
    BigDecimal paid() {
      return transactions.stream()
          .filter(PaymentTransaction::captured)
          .map(PaymentTransaction::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The gateway of the first payment transaction, or {@code manual}. */
    String gateway() {
      for (PaymentTransaction transaction : transactions) {
        if (transaction.gateway() != null && !transaction.gateway().isBlank()) {
          return transaction.gateway();
        }
      }
      return "manual";
    }

    PaymentTransaction transaction(String id) {
      return transactions.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    ShippingLine shippingLine(String id) {
      return shippingLines.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    LineItem lineItem(String id) {
      return lineItems.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }
  }

  /** Either a created value or the user errors that prevented it. */
  record Outcome<T>(T value, List<Map<String, Object>> userErrors) {}

  // ---- shop ------------------------------------------------------------------------------------

  String shopId() {
    return shopId;
  }

  String shopDomain() {
    return shopDomain;
  }

  String shopName() {
    String handle = shopDomain.replaceFirst("\\.myshopify\\.com$", "");
    StringBuilder name = new StringBuilder();
    for (String word : handle.split("[-_.]")) {
      if (!word.isEmpty()) {
        name.append(name.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(word.charAt(0)))
            .append(word.substring(1));
      }
    }
    return name.toString();
  }

  Location location() {
    return location;
  }

  Instant now() {
    return clock.instant();
  }

  /** Now at whole seconds, as Shopify's DateTime fields carry it. */
  Instant nowSeconds() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  RefundDesk refunds() {
    return refunds;
  }

  OrderDesk desk() {
    return desk;
  }

  WebhookDispatcher webhooks() {
    return webhooks;
  }

  /** The next numeric id; the caller holds this monitor. */
  long nextId() {
    return nextId++;
  }

  // ---- products --------------------------------------------------------------------------------

  synchronized String addProduct(String sku, String title, BigDecimal price, int available) {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(price, "price");
    if (variantBySku(sku).isPresent()) {
      throw new IllegalArgumentException("a variant with SKU " + sku + " already exists");
    }
    long productNumber = nextId++;
    Product product = new Product(gid("Product", productNumber), productNumber, title);
    long variantNumber = nextId++;
    long itemNumber = nextId++;
    Variant variant =
        new Variant(
            gid("ProductVariant", variantNumber),
            variantNumber,
            sku,
            price,
            gid("InventoryItem", itemNumber),
            itemNumber,
            product,
            available);
    variantsById.put(variant.id, variant);
    return variant.id;
  }

  synchronized void setAvailable(String sku, int available) {
    requireVariant(sku).available = available;
  }

  synchronized int available(String sku) {
    return requireVariant(sku).available;
  }

  synchronized List<Variant> variants() {
    return List.copyOf(variantsById.values());
  }

  synchronized Variant variant(String id) {
    return variantsById.get(id);
  }

  private Optional<Variant> variantBySku(String sku) {
    return variantsById.values().stream().filter(v -> v.sku.equals(sku)).findFirst();
  }

  private Variant requireVariant(String sku) {
    return variantBySku(sku)
        .orElseThrow(() -> new IllegalArgumentException("no variant with SKU " + sku));
  }

  // ---- orders ----------------------------------------------------------------------------------

  synchronized List<StoredOrder> orders() {
    return List.copyOf(orders);
  }

  synchronized StoredOrder order(String id) {
    return orders.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
  }

  /** Whether the search index already knows the order ({@code orders(query:)} sees it). */
  boolean searchable(StoredOrder order) {
    return !clock.instant().isBefore(order.createdAt().plus(searchIndexLag));
  }

  synchronized StoredOrder orderByCustomId(String namespace, String key, String value) {
    String ns = namespace == null ? DEFAULT_APP_NAMESPACE : namespace;
    Definition definition = definition("ORDER", ns, key);
    if (definition == null || !definition.type().equals("id")) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST,
          "Custom ID lookups need an ORDER metafield definition of type 'id' for namespace '"
              + ns
              + "' and key '"
              + key
              + "'");
    }
    return orders.stream()
        .filter(o -> o.metafield(ns, key).map(m -> m.value().equals(value)).orElse(false))
        .findFirst()
        .orElse(null);
  }

  synchronized Optional<StoredOrder> orderBySourceIdentifier(String sourceIdentifier) {
    return orders.stream()
        .filter(o -> Objects.equals(o.sourceIdentifier(), sourceIdentifier))
        .findFirst();
  }

  /**
   * {@code orderCreate}: validates like Shopify (unknown variants, tax lines on both levels,
   * metafield definitions and unique {@code id} values, inventory claims) and creates nothing when
   * any check fails.
   *
   * @param order the coerced {@code order} argument (defaults applied)
   * @param options the coerced {@code options} argument, may be null
   * @param rawInput the argument as the client sent it, stored with the order
   */
  synchronized Outcome<StoredOrder> createOrder(
      Map<String, Object> order, Map<String, Object> options, Map<String, Object> rawInput) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String behaviour = "BYPASS";
    if (options != null && options.get("inventoryBehaviour") instanceof String value) {
      behaviour = value;
    }
    String currency = string(order.get("currency"), SHOP_CURRENCY);
    String presentmentCurrency = string(order.get("presentmentCurrency"), currency);

    List<Map<String, Object>> lineInputs = maps(order.get("lineItems"));
    if (lineInputs.isEmpty()) {
      errors.add(
          userError(
              "INVALID", "Line items must have at least one line item", "order", "lineItems"));
    }
    List<Variant> lineVariants = new ArrayList<>();
    boolean lineTaxLines = false;
    for (int i = 0; i < lineInputs.size(); i++) {
      Map<String, Object> line = lineInputs.get(i);
      Variant variant = null;
      if (line.get("variantId") instanceof String variantId) {
        variant = variantsById.get(variantId);
        if (variant == null) {
          errors.add(
              userError(
                  "INVALID",
                  "Variant with id '" + variantId + "' does not exist",
                  "order",
                  "lineItems",
                  String.valueOf(i),
                  "variantId"));
        }
      }
      lineVariants.add(variant);
      if (line.get("quantity") instanceof Number quantity && quantity.intValue() < 1) {
        errors.add(
            userError(
                "INVALID",
                "Quantity must be greater than or equal to 1",
                "order",
                "lineItems",
                String.valueOf(i),
                "quantity"));
      }
      lineTaxLines |= !maps(line.get("taxLines")).isEmpty();
    }
    if (lineTaxLines && !maps(order.get("taxLines")).isEmpty()) {
      errors.add(
          userError(
              "INVALID",
              "Tax lines can be specified on the order or on line items, but not both",
              "order",
              "taxLines"));
    }
    if (order.get("customerId") != null && order.get("customer") != null) {
      errors.add(
          userError(
              "REDUNDANT_CUSTOMER_FIELDS",
              "Only one of customerId and customer can be given",
              "order",
              "customerId"));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant processedAt = now;
    if (order.get("processedAt") != null) {
      Instant parsed = parseInstant(String.valueOf(order.get("processedAt")));
      if (parsed == null) {
        errors.add(
            userError(
                "PROCESSED_AT_INVALID",
                "Processed at is not a valid date",
                "order",
                "processedAt"));
      } else {
        // Since 2026-07 a future processedAt is clamped to now instead of refused.
        processedAt = parsed.isAfter(now) ? now : parsed;
      }
    }
    List<Metafield> metafields = new ArrayList<>();
    List<Map<String, Object>> metafieldInputs = maps(order.get("metafields"));
    for (int i = 0; i < metafieldInputs.size(); i++) {
      Map<String, Object> input = metafieldInputs.get(i);
      String index = String.valueOf(i);
      String namespace = string(input.get("namespace"), DEFAULT_APP_NAMESPACE);
      String key = string(input.get("key"), null);
      String value = input.get("value") == null ? null : String.valueOf(input.get("value"));
      String type = string(input.get("type"), null);
      if (key == null || key.isBlank()) {
        errors.add(userError("INVALID", "Key can't be blank", "order", "metafields", index, "key"));
        continue;
      }
      if (value == null) {
        errors.add(
            userError("INVALID", "Value can't be blank", "order", "metafields", index, "value"));
        continue;
      }
      Definition definition = definition("ORDER", namespace, key);
      if (definition != null && type != null && !type.equals(definition.type())) {
        errors.add(
            userError(
                "INVALID",
                "Type must be '" + definition.type() + "' to match the metafield definition",
                "order",
                "metafields",
                index,
                "type"));
        continue;
      }
      if (definition == null && type == null) {
        errors.add(
            userError("INVALID", "Type can't be blank", "order", "metafields", index, "type"));
        continue;
      }
      String effectiveType = definition != null ? definition.type() : type;
      if (definition != null
          && definition.type().equals("id")
          && uniqueIdMetafieldEnforced
          && orders.stream()
              .anyMatch(
                  o ->
                      o.metafield(namespace, key)
                          .map(m -> m.value().equals(value))
                          .orElse(false))) {
        errors.add(
            userError(
                "INVALID",
                "Value '" + value + "' has already been taken by another order",
                "order",
                "metafields",
                index,
                "value"));
        continue;
      }
      metafields.add(
          new Metafield(gid("Metafield", nextId++), namespace, key, effectiveType, value));
    }
    if (!errors.isEmpty()) {
      return new Outcome<>(null, errors);
    }

    if (!behaviour.equals("BYPASS")) {
      Map<Variant, Integer> demand = new LinkedHashMap<>();
      Map<Variant, Integer> firstLine = new LinkedHashMap<>();
      for (int i = 0; i < lineInputs.size(); i++) {
        Variant variant = lineVariants.get(i);
        if (variant != null) {
          demand.merge(variant, quantity(lineInputs.get(i)), Integer::sum);
          firstLine.putIfAbsent(variant, i);
        }
      }
      if (behaviour.equals("DECREMENT_OBEYING_POLICY")) {
        for (Map.Entry<Variant, Integer> entry : demand.entrySet()) {
          Variant variant = entry.getKey();
          if (variant.available < entry.getValue()) {
            return new Outcome<>(
                null,
                List.of(
                    userError(
                        "INVENTORY_CLAIM_FAILED",
                        "Unable to claim "
                            + entry.getValue()
                            + " of SKU "
                            + variant.sku
                            + ": only "
                            + variant.available
                            + " available",
                        "order",
                        "lineItems",
                        String.valueOf(firstLine.get(variant)))));
          }
        }
      }
      demand.forEach((variant, quantity) -> variant.available -= quantity);
    }

    boolean taxesIncluded = Boolean.TRUE.equals(order.get("taxesIncluded"));
    List<BigDecimal> unitPrices = new ArrayList<>();
    List<BigDecimal> lineTotals = new ArrayList<>();
    List<Boolean> taxable = new ArrayList<>();
    for (int i = 0; i < lineInputs.size(); i++) {
      Map<String, Object> line = lineInputs.get(i);
      Variant variant = lineVariants.get(i);
      Object amount = map(map(line.get("priceSet")).get("shopMoney")).get("amount");
      BigDecimal unitPrice =
          amount != null
              ? new BigDecimal(String.valueOf(amount))
              : variant != null ? variant.price : BigDecimal.ZERO;
      unitPrices.add(unitPrice);
      lineTotals.add(unitPrice.multiply(BigDecimal.valueOf(quantity(line))));
      taxable.add(!Boolean.FALSE.equals(line.get("taxable")));
    }
    List<List<TaxLine>> lineTaxes =
        lineTaxes(lineInputs, order, lineTotals, taxable, taxesIncluded, currency);
    List<LineItem> lineItems = new ArrayList<>();
    for (int i = 0; i < lineInputs.size(); i++) {
      Map<String, Object> line = lineInputs.get(i);
      Variant variant = lineVariants.get(i);
      Map<String, Object> priceSet = map(line.get("priceSet"));
      Map<String, Object> shopMoney = map(priceSet.get("shopMoney"));
      Map<String, Object> presentmentMoney = map(priceSet.get("presentmentMoney"));
      BigDecimal unitPrice = unitPrices.get(i);
      String lineCurrency = string(shopMoney.get("currencyCode"), currency);
      BigDecimal presentmentPrice =
          presentmentMoney.get("amount") != null
              ? new BigDecimal(String.valueOf(presentmentMoney.get("amount")))
              : unitPrice;
      String linePresentmentCurrency =
          string(presentmentMoney.get("currencyCode"), presentmentCurrency);
      String title =
          string(line.get("title"), variant != null ? variant.product.title() : "Custom item");
      String variantTitle =
          string(line.get("variantTitle"), variant != null ? variant.title : null);
      String sku = string(line.get("sku"), variant != null ? variant.sku : null);
      lineItems.add(
          new LineItem(
              gid("LineItem", nextId++),
              variant,
              sku,
              title,
              variantTitle,
              quantity(line),
              unitPrice,
              lineCurrency,
              presentmentPrice,
              linePresentmentCurrency,
              taxable.get(i),
              List.copyOf(lineTaxes.get(i))));
    }
    List<ShippingLine> shippingLines = new ArrayList<>();
    for (Map<String, Object> shipping : maps(order.get("shippingLines"))) {
      BigDecimal price = shopAmount(shipping.get("priceSet"));
      long shippingNumber = nextId++;
      shippingLines.add(
          new ShippingLine(
              gid("ShippingLine", shippingNumber),
              shippingNumber,
              string(shipping.get("title"), ""),
              string(shipping.get("code"), null),
              string(shipping.get("source"), null),
              price,
              taxLines(shipping.get("taxLines"), price, taxesIncluded, currency)));
    }
    String financialStatus = financialStatus(order);
    List<PaymentTransaction> transactions = new ArrayList<>();
    for (Map<String, Object> transaction : maps(order.get("transactions"))) {
      long transactionNumber = nextId++;
      Instant at =
          transaction.get("processedAt") == null
              ? null
              : parseInstant(String.valueOf(transaction.get("processedAt")));
      transactions.add(
          new PaymentTransaction(
              gid("OrderTransaction", transactionNumber),
              transactionNumber,
              string(transaction.get("kind"), "SALE"),
              string(transaction.get("status"), "SUCCESS"),
              string(transaction.get("gateway"), "manual"),
              shopAmount(transaction.get("amountSet")),
              at == null ? processedAt : at,
              Boolean.TRUE.equals(transaction.get("test"))));
    }
    long number = nextOrderNumber++;
    long orderNumber = nextId++;
    StoredOrder stored =
        new StoredOrder(
            gid("Order", orderNumber),
            orderNumber,
            string(order.get("name"), "#" + number),
            now,
            processedAt,
            string(order.get("sourceIdentifier"), null),
            string(order.get("sourceName"), null),
            tags(order.get("tags")),
            string(order.get("note"), null),
            string(order.get("email"), null),
            string(order.get("poNumber"), null),
            Boolean.TRUE.equals(order.get("test")),
            currency,
            presentmentCurrency,
            financialStatus,
            customAttributes(order.get("customAttributes")),
            List.copyOf(lineItems),
            List.copyOf(metafields),
            behaviour,
            deepCopy(rawInput),
            new OrderLife(number, now, lineItems),
            taxesIncluded,
            List.copyOf(shippingLines),
            Collections.unmodifiableList(transactions));
    if (financialStatus.equals("PAID") && stored.paid().signum() == 0) {
      // Shopify records a payment for an order marked paid; the simulator's is a manual SALE.
      long transactionNumber = nextId++;
      transactions.add(
          new PaymentTransaction(
              gid("OrderTransaction", transactionNumber),
              transactionNumber,
              "SALE",
              "SUCCESS",
              "manual",
              stored.totalPrice(),
              processedAt,
              stored.test()));
    }
    orders.add(stored);
    desk.opened(stored, order);
    return new Outcome<>(stored, List.of());
  }

  // ---- metafield definitions -------------------------------------------------------------------

  synchronized List<Definition> definitions() {
    return List.copyOf(definitions);
  }

  synchronized Definition definition(String ownerType, String namespace, String key) {
    return definitions.stream()
        .filter(
            d ->
                d.ownerType().equals(ownerType)
                    && d.namespace().equals(namespace)
                    && d.key().equals(key))
        .findFirst()
        .orElse(null);
  }

  /** {@code metafieldDefinitionCreate}: refuses blank keys, unknown types and duplicates. */
  synchronized Outcome<Definition> createDefinition(Map<String, Object> input) {
    String ownerType = String.valueOf(input.get("ownerType"));
    String namespace = string(input.get("namespace"), DEFAULT_APP_NAMESPACE);
    String key = string(input.get("key"), "");
    String name = string(input.get("name"), "");
    String type = string(input.get("type"), "");
    List<Map<String, Object>> errors = new ArrayList<>();
    if (key.isBlank()) {
      errors.add(userError("BLANK", "Key can't be blank", "definition", "key"));
    }
    if (name.isBlank()) {
      errors.add(userError("BLANK", "Name can't be blank", "definition", "name"));
    }
    if (!METAFIELD_TYPES.contains(type)) {
      errors.add(
          userError(
              "INCLUSION", "Type '" + type + "' is not a metafield type", "definition", "type"));
    }
    if (errors.isEmpty() && definition(ownerType, namespace, key) != null) {
      errors.add(
          userError(
              "TAKEN",
              "Key is in use for "
                  + ownerType
                  + " metafields on the '"
                  + namespace
                  + "' namespace.",
              "definition",
              "key"));
    }
    if (!errors.isEmpty()) {
      return new Outcome<>(null, errors);
    }
    Definition definition =
        new Definition(gid("MetafieldDefinition", nextId++), name, namespace, key, type, ownerType);
    definitions.add(definition);
    return new Outcome<>(definition, List.of());
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Refuses malformed global ids the way Shopify does, before any lookup. */
  static void requireGid(String id) {
    if (id == null || !GID.matcher(id).matches()) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST, "Invalid global id '" + id + "'");
    }
  }

  static String gid(String type, long number) {
    return "gid://shopify/" + type + "/" + number;
  }

  static Map<String, Object> userError(String code, String message, String... field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", List.of(field));
    error.put("message", message);
    error.put("code", code);
    return error;
  }

  /**
   * Each line's taxes: its own tax lines, or its share of the order-level ones (split over the
   * taxable lines by their totals, the last taxable line taking the rounding remainder).
   */
  private static List<List<TaxLine>> lineTaxes(
      List<Map<String, Object>> lineInputs,
      Map<String, Object> order,
      List<BigDecimal> lineTotals,
      List<Boolean> taxable,
      boolean taxesIncluded,
      String currency) {
    List<List<TaxLine>> taxes = new ArrayList<>();
    for (int i = 0; i < lineInputs.size(); i++) {
      taxes.add(
          new ArrayList<>(
              taxLines(
                  lineInputs.get(i).get("taxLines"), lineTotals.get(i), taxesIncluded, currency)));
    }
    List<Integer> taxed = new ArrayList<>();
    BigDecimal taxedTotal = BigDecimal.ZERO;
    for (int i = 0; i < lineInputs.size(); i++) {
      if (taxable.get(i)) {
        taxed.add(i);
        taxedTotal = taxedTotal.add(lineTotals.get(i));
      }
    }
    if (taxed.isEmpty() && !lineInputs.isEmpty()) {
      taxed.add(0);
      taxedTotal = lineTotals.get(0);
    }
    for (Map<String, Object> orderTax : maps(order.get("taxLines"))) {
      BigDecimal rate = Money.parse(orderTax.get("rate"));
      BigDecimal given = givenAmount(orderTax);
      BigDecimal amount =
          given != null ? given : rateTax(taxedTotal, rate, taxesIncluded, currency);
      BigDecimal allocated = BigDecimal.ZERO;
      for (int k = 0; k < taxed.size(); k++) {
        int i = taxed.get(k);
        BigDecimal share =
            k == taxed.size() - 1
                ? amount.subtract(allocated)
                : Money.prorate(amount, lineTotals.get(i), taxedTotal, currency);
        allocated = allocated.add(share);
        taxes.get(i).add(taxLine(orderTax, rate, share));
      }
    }
    return taxes;
  }

  /**
   * The tax lines of one line or shipping line; a tax line without a {@code priceSet} is worked out
   * from its rate (inside the price when taxes are included).
   */
  private static List<TaxLine> taxLines(
      Object inputs, BigDecimal base, boolean taxesIncluded, String currency) {
    List<TaxLine> taxLines = new ArrayList<>();
    for (Map<String, Object> tax : maps(inputs)) {
      BigDecimal rate = Money.parse(tax.get("rate"));
      BigDecimal given = givenAmount(tax);
      taxLines.add(
          taxLine(tax, rate, given != null ? given : rateTax(base, rate, taxesIncluded, currency)));
    }
    return List.copyOf(taxLines);
  }

  private static TaxLine taxLine(Map<String, Object> input, BigDecimal rate, BigDecimal amount) {
    Object liable = input.get("channelLiable");
    return new TaxLine(
        string(input.get("title"), ""), rate, amount, liable instanceof Boolean b ? b : null);
  }

  private static BigDecimal givenAmount(Map<String, Object> tax) {
    Object amount = map(map(tax.get("priceSet")).get("shopMoney")).get("amount");
    return amount == null ? null : new BigDecimal(String.valueOf(amount));
  }

  private static BigDecimal rateTax(
      BigDecimal base, BigDecimal rate, boolean taxesIncluded, String currency) {
    if (rate == null) {
      return Money.zero(currency);
    }
    return taxesIncluded
        ? Money.prorate(base, rate, BigDecimal.ONE.add(rate), currency)
        : Money.round(base.multiply(rate), currency);
  }

  private static BigDecimal shopAmount(Object moneyBag) {
    Object amount = map(map(moneyBag).get("shopMoney")).get("amount");
    return amount == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(amount));
  }

  private static String financialStatus(Map<String, Object> order) {
    if (order.get("financialStatus") instanceof String status) {
      return status;
    }
    boolean authorized = false;
    for (Map<String, Object> transaction : maps(order.get("transactions"))) {
      String kind = string(transaction.get("kind"), "SALE");
      String status = string(transaction.get("status"), "SUCCESS");
      if (status.equals("SUCCESS") && (kind.equals("SALE") || kind.equals("CAPTURE"))) {
        return "PAID";
      }
      authorized |= status.equals("SUCCESS") && kind.equals("AUTHORIZATION");
    }
    return authorized ? "AUTHORIZED" : "PENDING";
  }

  private static int quantity(Map<String, Object> line) {
    return line.get("quantity") instanceof Number n ? n.intValue() : 0;
  }

  private static List<String> tags(Object value) {
    Set<String> tags = new LinkedHashSet<>();
    if (value instanceof List<?> list) {
      for (Object tag : list) {
        if (tag != null && !String.valueOf(tag).isBlank()) {
          tags.add(String.valueOf(tag).trim());
        }
      }
    }
    return List.copyOf(tags);
  }

  private static List<Map<String, String>> customAttributes(Object value) {
    List<Map<String, String>> attributes = new ArrayList<>();
    for (Map<String, Object> attribute : maps(value)) {
      Map<String, String> copy = new LinkedHashMap<>();
      copy.put("key", string(attribute.get("key"), ""));
      copy.put("value", string(attribute.get("value"), null));
      attributes.add(Collections.unmodifiableMap(copy));
    }
    return List.copyOf(attributes);
  }

  static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }

  static String string(Object value, String fallback) {
    return value == null ? fallback : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object value) {
    List<Map<String, Object>> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          result.add((Map<String, Object>) map);
        }
      }
    }
    return result;
  }

  /** An unmodifiable deep copy that keeps nulls and insertion order. */
  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return (T) Collections.unmodifiableMap(copy);
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(deepCopy(v)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static Set<String> metafieldTypes() {
    Set<String> listable =
        Set.of(
            "boolean",
            "color",
            "date",
            "date_time",
            "dimension",
            "link",
            "money",
            "multi_line_text_field",
            "number_decimal",
            "number_integer",
            "rating",
            "single_line_text_field",
            "url",
            "volume",
            "weight",
            "article_reference",
            "collection_reference",
            "company_reference",
            "customer_reference",
            "file_reference",
            "metaobject_reference",
            "mixed_reference",
            "page_reference",
            "product_reference",
            "product_taxonomy_value_reference",
            "variant_reference");
    Set<String> types = new LinkedHashSet<>(listable);
    listable.forEach(t -> types.add("list." + t.toLowerCase(Locale.ROOT)));
    types.addAll(Set.of("id", "json", "rich_text_field"));
    return Set.copyOf(types);
  }
}
