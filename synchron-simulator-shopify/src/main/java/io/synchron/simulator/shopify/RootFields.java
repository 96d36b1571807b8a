package io.synchron.simulator.shopify;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.synchron.simulator.shopify.OrderLife.Fulfillment;
import io.synchron.simulator.shopify.OrderLife.FulfillmentOrder;
import io.synchron.simulator.shopify.SearchQuery.Term;
import io.synchron.simulator.shopify.ShopState.Definition;
import io.synchron.simulator.shopify.ShopState.StoredOrder;
import io.synchron.simulator.shopify.ShopState.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** The data fetchers of the implemented {@code QueryRoot} and {@code Mutation} fields. */
final class RootFields {

  private RootFields() {}

  static DataFetcher<?> fetcher(String rootField) {
    return switch (rootField) {
      case "shop" -> env -> Views.shop(AdminSchema.state(env));
      case "locations" -> RootFields::locations;
      case "productVariants" -> RootFields::productVariants;
      case "productVariant" -> RootFields::productVariant;
      case "order" -> RootFields::order;
      case "orders" -> RootFields::orders;
      case "orderByIdentifier" -> RootFields::orderByIdentifier;
      case "metafieldDefinitions" -> RootFields::metafieldDefinitions;
      case "orderCreate" -> RootFields::orderCreate;
      case "metafieldDefinitionCreate" -> RootFields::metafieldDefinitionCreate;
      case "fulfillment" -> RootFields::fulfillment;
      case "fulfillmentOrder" -> RootFields::fulfillmentOrder;
      case "job" -> RootFields::job;
      case "webhookSubscriptions" -> RootFields::webhookSubscriptions;
      case "webhookSubscription" -> RootFields::webhookSubscription;
      case "fulfillmentCreate" -> RootFields::fulfillmentCreate;
      case "fulfillmentTrackingInfoUpdate" -> RootFields::fulfillmentTrackingInfoUpdate;
      case "fulfillmentEventCreate" -> RootFields::fulfillmentEventCreate;
      case "fulfillmentCancel" -> RootFields::fulfillmentCancel;
      case "orderCancel" -> RootFields::orderCancel;
      case "webhookSubscriptionCreate" -> RootFields::webhookSubscriptionCreate;
      case "webhookSubscriptionDelete" -> RootFields::webhookSubscriptionDelete;
      case "refundCreate" -> RootFields::refundCreate;
      case "returnCreate" -> RootFields::returnCreate;
      case "returnClose" -> RootFields::returnClose;
      case "returnProcess" -> RootFields::returnProcess;
      default ->
          env -> {
            throw new SimulatorGraphQlException(
                SimulatorGraphQlException.NOT_IMPLEMENTED,
                "Field '" + rootField + "' is not implemented by the Shopify simulator");
          };
    };
  }

  private static Object locations(DataFetchingEnvironment env) {
    refuseUnsupported(env, "query");
    ShopState state = AdminSchema.state(env);
    return Views.connection(
        List.of(state.location()), ShopState.Location::id, Views::location, env);
  }

  private static Object productVariants(DataFetchingEnvironment env) {
    refuseUnsupported(env, "savedSearchId");
    ShopState state = AdminSchema.state(env);
    Predicate<Variant> filter =
        SearchQuery.parse(env.getArgument("query")).toPredicate(RootFields::variantTerm);
    List<Variant> selected = new ArrayList<>();
    for (Variant variant : state.variants()) {
      if (filter.test(variant)) {
        selected.add(variant);
      }
    }
    String sortKey = Objects.toString(env.getArgument("sortKey"), "ID");
    switch (sortKey) {
      case "ID" -> selected.sort(Comparator.comparingLong(v -> v.legacyId));
      case "SKU" -> selected.sort(Comparator.comparing(v -> v.sku));
      default -> throw unsupportedSortKey(sortKey, "productVariants");
    }
    return Views.connection(selected, v -> v.id, Views::variant, env);
  }

  private static Predicate<Variant> variantTerm(Term term) {
    return switch (term.field()) {
      case "sku" -> v -> term.matches(v.sku);
      case "id" -> v -> term.matches(String.valueOf(v.legacyId)) || term.matches(v.id);
      case "product_id" ->
          v -> term.matches(String.valueOf(v.product.legacyId())) || term.matches(v.product.id());
      default -> throw SearchQuery.unsupportedField(term.field(), "productVariants");
    };
  }

  private static Object productVariant(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    Variant variant = AdminSchema.state(env).variant(id);
    return variant == null ? null : Views.variant(variant);
  }

  private static Object order(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    StoredOrder order = AdminSchema.state(env).order(id);
    return order == null ? null : Views.order(order);
  }

  private static Object orders(DataFetchingEnvironment env) {
    refuseUnsupported(env, "savedSearchId");
    ShopState state = AdminSchema.state(env);
    String query = env.getArgument("query");
    Predicate<StoredOrder> filter = SearchQuery.parse(query).toPredicate(RootFields::orderTerm);
    List<StoredOrder> selected = new ArrayList<>();
    for (StoredOrder order : state.orders()) {
      // The orders connection reads Shopify's search index, which may lag behind creation.
      if (state.searchable(order) && filter.test(order)) {
        selected.add(order);
      }
    }
    String sortKey = Objects.toString(env.getArgument("sortKey"), "PROCESSED_AT");
    switch (sortKey) {
      case "PROCESSED_AT" ->
          selected.sort(
              Comparator.comparing(StoredOrder::processedAt).thenComparing(StoredOrder::legacyId));
      case "CREATED_AT", "ID", "ORDER_NUMBER" ->
          selected.sort(Comparator.comparingLong(StoredOrder::legacyId));
      case "UPDATED_AT" ->
          selected.sort(
              Comparator.comparing((StoredOrder o) -> o.life().updatedAt)
                  .thenComparing(StoredOrder::legacyId));
      default -> throw unsupportedSortKey(sortKey, "orders");
    }
    return Views.connection(selected, StoredOrder::id, Views::order, env);
  }

  private static Predicate<StoredOrder> orderTerm(Term term) {
    return switch (term.field()) {
      case "source_identifier" -> o -> term.matches(o.sourceIdentifier());
      case "source_name" -> o -> term.matches(o.sourceName());
      case "name" -> o -> term.matches(o.name()) || term.matches(o.name().replaceFirst("^#", ""));
      case "tag" -> o -> o.tags().stream().anyMatch(term::matches);
      case "tag_not" -> o -> o.tags().stream().noneMatch(term::matches);
      case "id" -> o -> term.matches(String.valueOf(o.legacyId())) || term.matches(o.id());
      case "sku" -> o -> o.lineItems().stream().anyMatch(l -> term.matches(l.sku()));
      case "updated_at" -> o -> term.matches(o.life().updatedAt);
      case "created_at" -> o -> term.matches(o.createdAt());
      case "processed_at" -> o -> term.matches(o.processedAt());
      case "status" -> statusTerm(term);
      default -> throw SearchQuery.unsupportedField(term.field(), "orders");
    };
  }

  /** {@code status:open|closed|cancelled|not_closed|any}; a cancelled order is also closed. */
  private static Predicate<StoredOrder> statusTerm(Term term) {
    return switch (term.value().toLowerCase(Locale.ROOT)) {
      case "open", "not_closed" -> o -> o.life().closedAt == null;
      case "closed" -> o -> o.life().closedAt != null;
      case "cancelled" -> o -> o.life().cancelled();
      case "any" -> o -> true;
      default ->
          throw new SimulatorGraphQlException(
              SimulatorGraphQlException.NOT_IMPLEMENTED,
              "search value 'status:" + term.value() + "' is not supported by the simulator");
    };
  }

  private static Object orderByIdentifier(DataFetchingEnvironment env) {
    Map<String, Object> identifier = env.getArgument("identifier");
    ShopState state = AdminSchema.state(env);
    Object id = identifier.get("id");
    Map<String, Object> customId = ShopState.map(identifier.get("customId"));
    if ((id == null) == customId.isEmpty()) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST, "Exactly one of id or customId must be given");
    }
    StoredOrder order;
    if (id != null) {
      ShopState.requireGid(String.valueOf(id));
      order = state.order(String.valueOf(id));
    } else {
      order =
          state.orderByCustomId(
              (String) customId.get("namespace"),
              (String) customId.get("key"),
              (String) customId.get("value"));
    }
    return order == null ? null : Views.order(order);
  }

  private static Object metafieldDefinitions(DataFetchingEnvironment env) {
    refuseUnsupported(env, "query", "constraintStatus", "constraintSubtype");
    String pinned = Objects.toString(env.getArgument("pinnedStatus"), "ANY");
    if (!pinned.equals("ANY")) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.NOT_IMPLEMENTED,
          "pinnedStatus " + pinned + " is not supported by the simulator");
    }
    String sortKey = Objects.toString(env.getArgument("sortKey"), "ID");
    if (!sortKey.equals("ID")) {
      throw unsupportedSortKey(sortKey, "metafieldDefinitions");
    }
    String ownerType = env.getArgument("ownerType");
    String namespace = env.getArgument("namespace");
    String key = env.getArgument("key");
    List<Definition> selected = new ArrayList<>();
    for (Definition definition : AdminSchema.state(env).definitions()) {
      if (definition.ownerType().equals(ownerType)
          && (namespace == null || namespace.equals(definition.namespace()))
          && (key == null || key.equals(definition.key()))) {
        selected.add(definition);
      }
    }
    return Views.connection(selected, Definition::id, Views::definition, env);
  }

  private static Object orderCreate(DataFetchingEnvironment env) {
    ShopState state = AdminSchema.state(env);
    Map<String, Object> order = env.getArgument("order");
    Map<String, Object> options = env.getArgument("options");
    Map<String, Object> raw = ShopState.map(AdminSchema.rawArgument(env, "order"));
    return Views.orderCreatePayload(state.createOrder(order, options, raw));
  }

  private static Object metafieldDefinitionCreate(DataFetchingEnvironment env) {
    Map<String, Object> definition = env.getArgument("definition");
    return Views.definitionCreatePayload(AdminSchema.state(env).createDefinition(definition));
  }

  private static Object fulfillment(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    Fulfillment fulfillment = AdminSchema.state(env).desk().fulfillment(id);
    return fulfillment == null ? null : Views.fulfillment(fulfillment);
  }

  private static Object fulfillmentOrder(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    FulfillmentOrder fulfillmentOrder = AdminSchema.state(env).desk().fulfillmentOrder(id);
    return fulfillmentOrder == null ? null : Views.fulfillmentOrder(fulfillmentOrder);
  }

  private static Object job(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    // Job ids carry a UUID, not a number.
    if (id == null || !id.matches("gid://shopify/Job/[0-9a-fA-F-]+")) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST, "Invalid global id '" + id + "'");
    }
    Boolean done = AdminSchema.state(env).desk().jobDone(id);
    return done == null ? null : Views.job(id, done);
  }

  private static Object webhookSubscriptions(DataFetchingEnvironment env) {
    refuseUnsupported(env, "query");
    String sortKey = Objects.toString(env.getArgument("sortKey"), "CREATED_AT");
    if (!sortKey.equals("CREATED_AT") && !sortKey.equals("ID")) {
      throw unsupportedSortKey(sortKey, "webhookSubscriptions");
    }
    List<String> topics = env.getArgument("topics");
    String uri = env.getArgument("uri");
    Object callbackUrl = env.getArgument("callbackUrl");
    String format = env.getArgument("format");
    List<WebhookDispatcher.Subscription> selected = new ArrayList<>();
    for (WebhookDispatcher.Subscription subscription :
        AdminSchema.state(env).webhooks().subscriptions()) {
      if ((topics == null || topics.contains(subscription.topic()))
          && (uri == null || uri.equals(subscription.uri()))
          && (callbackUrl == null || String.valueOf(callbackUrl).equals(subscription.uri()))
          && (format == null || format.equals(subscription.format()))) {
        selected.add(subscription);
      }
    }
    return Views.connection(
        selected, WebhookDispatcher.Subscription::id, Views::webhookSubscription, env);
  }

  private static Object webhookSubscription(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    return AdminSchema.state(env).webhooks().subscriptions().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .map(Views::webhookSubscription)
        .orElse(null);
  }

  private static Object fulfillmentCreate(DataFetchingEnvironment env) {
    Map<String, Object> fulfillment = env.getArgument("fulfillment");
    return Views.fulfillmentPayload(
        "FulfillmentCreatePayload", AdminSchema.state(env).desk().createFulfillment(fulfillment));
  }

  private static Object fulfillmentTrackingInfoUpdate(DataFetchingEnvironment env) {
    String id = env.getArgument("fulfillmentId");
    ShopState.requireGid(id);
    Map<String, Object> tracking = env.getArgument("trackingInfoInput");
    Boolean notify = env.getArgument("notifyCustomer");
    return Views.fulfillmentPayload(
        "FulfillmentTrackingInfoUpdatePayload",
        AdminSchema.state(env).desk().updateTracking(id, tracking, notify));
  }

  private static Object fulfillmentEventCreate(DataFetchingEnvironment env) {
    Map<String, Object> event = env.getArgument("fulfillmentEvent");
    ShopState.requireGid(String.valueOf(event.get("fulfillmentId")));
    return Views.fulfillmentEventPayload(AdminSchema.state(env).desk().createEvent(event));
  }

  private static Object fulfillmentCancel(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    return Views.fulfillmentPayload(
        "FulfillmentCancelPayload", AdminSchema.state(env).desk().cancelFulfillment(id));
  }

  private static Object orderCancel(DataFetchingEnvironment env) {
    String orderId = env.getArgument("orderId");
    ShopState.requireGid(orderId);
    Map<String, Object> refundMethod = env.getArgument("refundMethod");
    if (refundMethod != null && refundMethod.get("storeCreditRefund") != null) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.NOT_IMPLEMENTED,
          "refundMethod.storeCreditRefund of 'orderCancel' is not supported by the simulator");
    }
    Boolean refund = env.getArgument("refund");
    if (refund == null && refundMethod != null) {
      refund = Boolean.TRUE.equals(refundMethod.get("originalPaymentMethodsRefund"));
    }
    return Views.orderCancelPayload(
        AdminSchema.state(env)
            .desk()
            .cancelOrder(
                orderId,
                env.getArgument("reason"),
                Boolean.TRUE.equals(env.getArgument("restock")),
                refund,
                Boolean.TRUE.equals(env.getArgument("notifyCustomer")),
                env.getArgument("staffNote")));
  }

  private static Object webhookSubscriptionCreate(DataFetchingEnvironment env) {
    ShopState state = AdminSchema.state(env);
    String topic = env.getArgument("topic");
    Map<String, Object> subscription = env.getArgument("webhookSubscription");
    return Views.webhookSubscriptionCreatePayload(
        state.webhooks().subscribe(topic, subscription, state.nowSeconds()));
  }

  private static Object webhookSubscriptionDelete(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    return Views.webhookSubscriptionDeletePayload(
        AdminSchema.state(env).webhooks().unsubscribe(id));
  }

  /**
   * {@code refundCreate}: from 2026-04 the {@code @idempotent(key:)} directive is mandatory
   * (reference §3.2, §5.4), though the schema cannot say so; a call without it, or with a blank
   * key, is refused with a top-level error and changes nothing.
   */
  private static Object refundCreate(DataFetchingEnvironment env) {
    String key = idempotencyKey(env);
    if (key == null) {
      throw new SimulatorGraphQlException(
          "IDEMPOTENCY_KEY_REQUIRED",
          "The @idempotent directive with a key is required for 'refundCreate' from API version"
              + " 2026-04");
    }
    if (key.isBlank()) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST,
          "The idempotency key cannot be an empty string or whitespace only");
    }
    Map<String, Object> input = env.getArgument("input");
    ShopState.requireGid(String.valueOf(input.get("orderId")));
    for (String unsupported : List.of("refundDuties", "refundMethods")) {
      Object value = input.get(unsupported);
      if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.NOT_IMPLEMENTED,
            "RefundInput." + unsupported + " of 'refundCreate' is not supported by the simulator");
      }
    }
    return Views.refundCreatePayload(AdminSchema.state(env).refunds().createRefund(input, key));
  }

  /** The {@code key} of the field's {@code @idempotent} directive, or null without one. */
  private static String idempotencyKey(DataFetchingEnvironment env) {
    Map<String, Object> variables =
        ((AdminSchema.ReceivedVariables)
                env.getGraphQlContext().get(AdminSchema.ReceivedVariables.class))
            .values();
    return env.getField().getDirectives("idempotent").stream()
        .flatMap(d -> d.getArguments().stream())
        .filter(a -> a.getName().equals("key"))
        .map(a -> AdminSchema.literal(a.getValue(), variables))
        .filter(Objects::nonNull)
        .map(String::valueOf)
        .findFirst()
        .orElse(null);
  }

  private static Object returnCreate(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("returnInput");
    ShopState.requireGid(String.valueOf(input.get("orderId")));
    for (String unsupported : List.of("exchangeLineItems", "returnShippingFee")) {
      Object value = input.get(unsupported);
      if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.NOT_IMPLEMENTED,
            "ReturnInput." + unsupported + " of 'returnCreate' is not supported by the simulator");
      }
    }
    return Views.returnPayload(
        "ReturnCreatePayload", AdminSchema.state(env).refunds().createReturn(input));
  }

  private static Object returnClose(DataFetchingEnvironment env) {
    String id = env.getArgument("id");
    ShopState.requireGid(id);
    return Views.returnPayload(
        "ReturnClosePayload", AdminSchema.state(env).refunds().closeReturn(id));
  }

  /**
   * {@code returnProcess}. Its description documents no idempotency, so an {@code @idempotent}
   * directive on it is refused rather than silently ignored (Shopify's own answer is not known).
   * Exchanges, duties, tips and refund methods (store credit) are not simulated.
   */
  private static Object returnProcess(DataFetchingEnvironment env) {
    if (!env.getField().getDirectives("idempotent").isEmpty()) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.BAD_REQUEST,
          "The @idempotent directive is not supported on 'returnProcess'");
    }
    Map<String, Object> input = env.getArgument("input");
    ShopState.requireGid(String.valueOf(input.get("returnId")));
    for (String unsupported : List.of("exchangeLineItems", "refundDuties", "tipLineId")) {
      Object value = input.get(unsupported);
      if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.NOT_IMPLEMENTED,
            "ReturnProcessInput."
                + unsupported
                + " of 'returnProcess' is not supported by the simulator");
      }
    }
    Map<String, Object> issueRefund =
        ShopState.map(ShopState.map(input.get("financialTransfer")).get("issueRefund"));
    if (issueRefund.get("refundMethods") instanceof List<?> methods && !methods.isEmpty()) {
      throw new SimulatorGraphQlException(
          SimulatorGraphQlException.NOT_IMPLEMENTED,
          "ReturnProcessRefundInput.refundMethods of 'returnProcess' is not supported by the"
              + " simulator");
    }
    return Views.returnPayload(
        "ReturnProcessPayload", AdminSchema.state(env).refunds().processReturn(input));
  }

  private static void refuseUnsupported(DataFetchingEnvironment env, String... arguments) {
    for (String argument : arguments) {
      if (env.getArgument(argument) != null) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.NOT_IMPLEMENTED,
            "Argument '"
                + argument
                + "' of '"
                + env.getFieldDefinition().getName()
                + "' is not supported by the simulator");
      }
    }
  }

  private static SimulatorGraphQlException unsupportedSortKey(String sortKey, String field) {
    return new SimulatorGraphQlException(
        SimulatorGraphQlException.NOT_IMPLEMENTED,
        "sortKey " + sortKey + " of '" + field + "' is not supported by the simulator");
  }
}
