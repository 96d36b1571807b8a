package io.synchron.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.synchron.simulator.mirakl.MiraklSimulator;
import io.synchron.simulator.mirakl.NewOrder;
import io.synchron.simulator.mirakl.OrderView;
import io.synchron.simulator.mirakl.RecordedExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Drives the Mirakl simulator through OR11 and OR21 over real HTTP, over orders in every state it models, and
 * holds every exchange it journals to Mirakl's published spec.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MiraklSimulatorConformsToTheSpecTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static MiraklSellerSpec spec;
  private static MiraklSimulator simulator;
  private static MiraklSimulator autoDebiting;
  private static final List<RecordedExchange> JOURNAL = new ArrayList<>();
  private static final List<Integer> STATUSES = new ArrayList<>();

  @BeforeAll
  static void playScenario() {
    spec = MiraklSellerSpec.requireOrSkip();
    simulator = MiraklSimulator.start(MiraklSimulator.Options.defaults());
    autoDebiting = MiraklSimulator.start(MiraklSimulator.Options.defaults().withAutoDebit(true));
    Instant start = Instant.now();

    String shipped = simulator.placeOrder(NewOrder.builder().currency("EUR").taxMode(NewOrder.TAX_INCLUDED)
        .line("MUG-1", "Mug", 2, new BigDecimal("12.90"))
        .line("TEE-M", "T-shirt M", 1, new BigDecimal("19.99"), new BigDecimal("5.5"))
        .referenceForCustomer("CUST-REF-1")
        .build());
    String kuwaiti = simulator.placeOrder(NewOrder.builder().currency("KWD").taxMode(NewOrder.TAX_EXCLUDED)
        .shippingPrice(new BigDecimal("1.250"))
        .line("OUD-1", "Oud oil", 3, new BigDecimal("4.125"))
        .line("DATES-500", "Dates 500 g", 1, new BigDecimal("2.005"), BigDecimal.ZERO)
        .line("BOX", "Gift box", 1, new BigDecimal("0.750"))
        .build());
    String refused = simulator.placeOrder(NewOrder.builder().currency("JPY").taxMode(NewOrder.TAX_INCLUDED)
        .line("TEA-1", "Matcha", 1, new BigDecimal("1500")).build());
    String expired = simulator.placeOrder(NewOrder.builder().taxMode(NewOrder.TAX_EXCLUDED)
        .line("PEN-1", "Pen", 5, new BigDecimal("1.20")).build());
    String canceled = simulator.placeOrder(NewOrder.builder()
        .line("BAG-1", "Bag", 1, new BigDecimal("49.00")).line("BAG-2", "Strap", 1, new BigDecimal("9.00")).build());
    String unpaid = simulator.placeOrder(NewOrder.builder().line("CAP-1", "Cap", 1, new BigDecimal("15.00")).build());
    String waiting = simulator.placeOrder(NewOrder.builder().line("SOCK-1", "Socks", 3, new BigDecimal("4.00"))
        .build());

    call(simulator, "GET", "/api/orders", "order_state_codes=WAITING_ACCEPTANCE", null);
    accept(simulator, shipped, true, true);
    accept(simulator, kuwaiti, true, true, true);
    accept(simulator, refused, false);
    accept(simulator, canceled, true, true);
    accept(simulator, unpaid, true);
    accept(simulator, waiting, true, false);
    simulator.debitCustomer(shipped);
    simulator.debitCustomer(kuwaiti);
    simulator.expireAcceptance(expired);
    simulator.cancelByCustomer(canceled);
    simulator.failDebit(unpaid);
    accept(simulator, shipped, true, true);
    call(simulator, "PUT", "/api/orders/NO-SUCH-ORDER-A/accept", null,
        "{\"order_lines\":[{\"id\":\"NO-SUCH-ORDER-A-1\",\"accepted\":true}]}");

    String isoStart = OffsetDateTime.ofInstant(start.minusSeconds(60), ZoneOffset.ofHoursMinutes(13, 45)).toString();
    for (String query : List.of(
        "",
        "max=2&offset=0", "max=2&offset=2", "max=2&offset=4", "max=2&offset=6", "paginate=false",
        "sort=dateCreated&order=desc&max=3",
        "order_state_codes=SHIPPING,WAITING_DEBIT_PAYMENT", "order_state_codes=REFUSED,CANCELED",
        "order_ids=" + shipped + "," + kuwaiti,
        "order_tax_mode=TAX_EXCLUDED", "order_tax_mode=TAX_INCLUDED&order_ids=" + kuwaiti,
        "customer_debited=true", "has_incident=false", "channel_codes=FR",
        "order_references_for_customer=CUST-REF-1",
        "start_update_date=" + encode(isoStart), "start_date=" + encode(isoStart) + "&end_date=" + encode(
            OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString()),
        "payment_workflow=PAY_ON_ACCEPTANCE")) {
      call(simulator, "GET", "/api/orders", query.isEmpty() ? null : query, null);
    }

    String autoShipped = autoDebiting.placeOrder(NewOrder.builder().currency("KWD").taxMode(NewOrder.TAX_INCLUDED)
        .line("OUD-2", "Oud oil", 1, new BigDecimal("7.777")).build());
    accept(autoDebiting, autoShipped, true);
    call(autoDebiting, "GET", "/api/orders", "order_ids=" + autoShipped, null);

    JOURNAL.addAll(simulator.journal());
    JOURNAL.addAll(autoDebiting.journal());
  }

  @AfterAll
  static void stopSimulators() {
    if (simulator != null) {
      simulator.close();
    }
    if (autoDebiting != null) {
      autoDebiting.close();
    }
  }

  private static void accept(MiraklSimulator on, String orderId, boolean... accepted) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < accepted.length; i++) {
      lines.append(i == 0 ? "" : ",").append("{\"id\":\"").append(orderId).append('-').append(i + 1)
          .append("\",\"accepted\":").append(accepted[i]).append('}');
    }
    call(on, "PUT", "/api/orders/" + orderId + "/accept", null, "{\"order_lines\":[" + lines + "]}");
  }

  private static void call(MiraklSimulator on, String method, String path, String query, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.baseUrl() + path
            + (query == null ? "" : "?" + query)))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", on.apiKey())
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    try {
      STATUSES.add(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String header(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String describe(RecordedExchange exchange) {
    return exchange.method() + " " + exchange.path() + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery())
        + " -> " + exchange.status();
  }

  @Test
  void the_scenario_covers_every_order_state_and_both_kinds_of_OR21_refusal() {
    assertThat(simulator.orders()).extracting(OrderView::state).contains(
        "WAITING_ACCEPTANCE", "SHIPPING", "REFUSED", "CANCELED");
    assertThat(autoDebiting.orders()).extracting(OrderView::state).containsExactly("SHIPPING");
    assertThat(STATUSES).contains(200, 204, 400, 404);
    assertThat(JOURNAL).hasSize(STATUSES.size());
  }

  @Test
  void every_journaled_request_conforms_to_the_spec() {
    List<String> violations = JOURNAL.stream()
        .flatMap(e -> spec.validateRequest(e.method(), e.path(), e.rawQuery(),
            header(e.requestHeaders(), "Content-Type"), e.requestBody()).stream()
            .map(v -> describe(e) + ": " + v))
        .collect(Collectors.toList());

    assertThat(violations).isEmpty();
  }

  @Test
  void every_journaled_response_conforms_to_the_spec() {
    List<String> violations = JOURNAL.stream()
        .flatMap(e -> spec.validateResponse(e.method(), e.path(), e.status(),
            header(e.responseHeaders(), "Content-Type"), e.responseBody()).stream()
            .map(v -> describe(e) + ": " + v))
        .distinct()
        .collect(Collectors.toList());

    assertThat(violations).isEmpty();
  }

  @Test
  void the_journal_names_the_operation_the_spec_gives_each_path() {
    assertThat(JOURNAL).allSatisfy(e ->
        assertThat(e.operation()).as(describe(e)).isEqualTo(spec.operationId(e.method(), e.path())));
  }
}
