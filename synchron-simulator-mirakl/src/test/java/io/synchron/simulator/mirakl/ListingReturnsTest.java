package io.synchron.simulator.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RT11 (list returns) and RT12 (items to return): filters and seek pagination. */
class ListingReturnsTest {
  private static final String RETURNS = "/api/returns";
  private static final String ITEMS = "/api/returns/items_to_return";

  private final MutableClock clock = MutableClock.at("2025-05-01T10:00:00Z");
  private final MiraklSimulator simulator =
      MiraklSimulator.start(MiraklSimulator.Options.defaults().withClock(clock));
  private final MiraklClient client = new MiraklClient(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** A shipped standard order with a return of one mug, created a minute after the previous. */
  private String returned() {
    String orderId = Fixtures.shipped(simulator, client);
    clock.advance(Duration.ofMinutes(1));
    return simulator.requestReturn(
        orderId, Map.of(orderId + "-1", 1), ReturnsTest.CHANGED_MIND);
  }

  private List<String> createReturns(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(returned());
    }
    return ids;
  }

  private JsonNode list(String query) {
    HttpResponse<String> response = client.get(RETURNS + (query.isEmpty() ? "" : "?" + query));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MiraklClient.json(response);
  }

  private static List<String> ids(JsonNode page) {
    return page.get("data").valueStream().map(r -> r.get("id").stringValue()).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String next(JsonNode page) {
    return "page_token=" + encode(page.get("next_page_token").stringValue());
  }

  @Test
  void returnsAreListedOldestFirstTenAtATimeByDefault() {
    List<String> created = createReturns(12);

    JsonNode page = list("");

    assertThat(ids(page)).containsExactlyElementsOf(created.subList(0, 10));
    assertThat(page.has("next_page_token")).isTrue();
    assertThat(page.has("previous_page_token")).isFalse();
  }

  @Test
  void pagesFollowEachOtherThroughTheirTokensAndBack() {
    List<String> created = createReturns(5);

    JsonNode first = list("limit=2");
    JsonNode second = list(next(first));
    JsonNode third = list(next(second));
    JsonNode back =
        list("page_token=" + encode(third.get("previous_page_token").stringValue()));

    assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
    assertThat(ids(third)).containsExactly(created.get(4));
    assertThat(third.has("next_page_token")).isFalse();
    assertThat(third.has("previous_page_token")).isTrue();
    assertThat(ids(back)).containsExactlyElementsOf(created.subList(2, 4));
    assertThat(ids(list("page_token=" + encode(second.get("previous_page_token").stringValue()))))
        .containsExactlyElementsOf(created.subList(0, 2));
  }

  @Test
  void aTokenCarriesTheQuerySoOtherParametersAreIgnored() {
    List<String> created = createReturns(4);
    client.put(
        "/api/returns/accept",
        "{\"returns\":[{\"id\":\""
            + created.get(1)
            + "\",\"accepted\":true},{\"id\":\""
            + created.get(3)
            + "\",\"accepted\":true}]}");

    JsonNode first = list("return_state=IN_PROGRESS&limit=1");
    JsonNode second = list(next(first) + "&return_state=WAITING_ACCEPTANCE&limit=50");

    assertThat(ids(first)).containsExactly(created.get(1));
    assertThat(ids(second)).containsExactly(created.get(3));
    assertThat(second.has("next_page_token")).isFalse();
  }

  @Test
  void aReturnCreatedWhilePagingNeitherShiftsNorRepeatsTheNextPage() {
    List<String> created = createReturns(4);
    JsonNode first = list("limit=2&sort=date_created,DESC");
    clock.advance(Duration.ofMinutes(1));
    String newest = returned();

    JsonNode second = list(next(first));

    assertThat(ids(first)).containsExactly(created.get(3), created.get(2));
    assertThat(ids(second)).containsExactly(created.get(1), created.get(0));
    assertThat(ids(list("sort=date_created,DESC&limit=1"))).containsExactly(newest);
  }

  @Test
  void returnsCreatedAtTheSameInstantAreOrderedByCreation() {
    String orderId = Fixtures.shipped(simulator, client);
    String first = simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER");
    String second = simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER");
    String third = simulator.requestReturn(orderId, Map.of(orderId + "-2", 1), "RETURN_OTHER");

    JsonNode page = list("limit=1");
    JsonNode rest = list(next(page));

    assertThat(ids(page)).containsExactly(first);
    assertThat(ids(rest)).containsExactly(second);
    assertThat(ids(list(next(rest)))).containsExactly(third);
  }

  @Test
  void returnsAreFilteredByStateOrderLineRmaAndCustomer() {
    List<String> created = createReturns(3);
    client.put(
        "/api/returns/accept",
        "{\"returns\":[{\"id\":\"" + created.get(0) + "\",\"accepted\":true}]}");
    ReturnView second = simulator.returnView(created.get(1));
    String secondCustomer =
        MiraklClient.JSON
            .readTree(simulator.order(second.orderId()).json())
            .at("/customer/customer_id")
            .stringValue();

    assertThat(ids(list("return_state=IN_PROGRESS"))).containsExactly(created.get(0));
    assertThat(ids(list("return_state=WAITING_ACCEPTANCE&return_state=IN_PROGRESS")))
        .containsExactlyElementsOf(created);
    assertThat(ids(list("order_commercial_id=" + second.orderCommercialId())))
        .containsExactly(created.get(1));
    assertThat(ids(list("order_line_id=" + second.orderId() + "-1")))
        .containsExactly(created.get(1));
    assertThat(ids(list("order_line_id=" + second.orderId() + "-2"))).isEmpty();
    assertThat(ids(list("return_id=" + created.get(2) + "&return_id=" + created.get(0))))
        .containsExactly(created.get(0), created.get(2));
    assertThat(ids(list("customer_id=" + secondCustomer))).containsExactly(created.get(1));
    assertThat(ids(list("return_rma=RMA-1"))).isEmpty();
  }

  @Test
  void returnsAreFilteredByTheirCreationAndLastUpdateDatesBothEndsIncluded() {
    List<String> created = createReturns(3);
    clock.advance(Duration.ofHours(1));
    client.put(
        "/api/returns/accept",
        "{\"returns\":[{\"id\":\"" + created.get(0) + "\",\"accepted\":true}]}");

    String secondCreated = simulator.returnView(created.get(1)).created().toString();
    assertThat(ids(list("return_last_updated_from=2025-05-01T11:00:00Z")))
        .containsExactly(created.get(0));
    assertThat(ids(list("return_last_updated_to=" + encode(secondCreated))))
        .containsExactly(created.get(1));
    assertThat(ids(list("return_creation_date_from=" + encode(secondCreated))))
        .containsExactly(created.get(1), created.get(2));
    assertThat(
            ids(
                list(
                    "return_creation_date_from="
                        + encode("2025-05-01T12:00:00+02:00")
                        + "&return_creation_date_to="
                        + encode(secondCreated))))
        .containsExactly(created.get(0), created.get(1));
  }

  @Test
  void anRmaGivenByTheShopIsFilteredOn() {
    String orderId = Fixtures.shipped(simulator, client);
    client.post(
        RETURNS,
        "{\"returns\":[{\"order_commercial_id\":\""
            + simulator.order(orderId).commercialId()
            + "\",\"method_code\":\"RETURN_METHOD_BY_MAIL\",\"rma\":\"RMA-42\","
            + "\"return_lines\":[{\"order_line_id\":\""
            + orderId
            + "-1\",\"quantity\":1,\"reason_code\":\"RETURN_OTHER\"}]}]}");
    returned();

    JsonNode page = list("return_rma=RMA-42");

    assertThat(page.get("data")).hasSize(1);
    assertThat(page.at("/data/0/rma").stringValue()).isEqualTo("RMA-42");
  }

  @Test
  void badParametersAreValidationErrors() {
    createReturns(1);

    for (String query :
        List.of(
            "limit=0",
            "limit=101",
            "limit=ten",
            "page_token=bm9wZQ",
            "sort=last_updated",
            "sort=date_created,SIDEWAYS",
            "return_state=LOST",
            "return_last_updated_from=yesterday")) {
      HttpResponse<String> response = client.get(RETURNS + "?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
    }
  }

  @Test
  void aTokenOfAnotherListIsRefused() {
    createReturns(3);
    JsonNode items = MiraklClient.json(client.get(ITEMS + "?limit=1"));

    HttpResponse<String> response = client.get(RETURNS + "?" + next(items));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MiraklClient.json(response).at("/errors/0/field").stringValue())
        .isEqualTo("page_token");
  }

  @Test
  void itemsToReturnAreTheShippedLinesLessWhatReturnsHold() {
    String orderId = Fixtures.shipped(simulator, client);
    Fixtures.shipping(simulator, client);
    simulator.requestReturn(orderId, Map.of(orderId + "-1", 1), "RETURN_OTHER");

    JsonNode page = MiraklClient.json(client.get(ITEMS));

    assertThat(page.get("data")).hasSize(2);
    assertThat(page.at("/data/0/order_line_id").stringValue()).isEqualTo(orderId + "-1");
    assertThat(page.at("/data/0/returnable_quantity").intValue()).isEqualTo(1);
    assertThat(page.at("/data/0/order_commercial_id").stringValue())
        .isEqualTo(simulator.order(orderId).commercialId());
    assertThat(page.at("/data/1/returnable_quantity").intValue()).isEqualTo(1);
    assertThat(page.at("/data/0/available_return_reasons").toString())
        .contains("RETURN_CHANGED_MIND")
        .doesNotContain("RETURN_COUNTERFEIT_ITEM");
    assertThat(page.at("/data/0/available_return_methods").toString())
        .contains("RETURN_METHOD_BY_MAIL");
  }

  @Test
  void itemsToReturnAreFilteredAndPaged() {
    String first = Fixtures.shipped(simulator, client);
    String second = Fixtures.shipped(simulator, client);
    simulator.requestReturn(second, Map.of(second + "-2", 1), "RETURN_OTHER");

    JsonNode filtered =
        MiraklClient.json(
            client.get(ITEMS + "?order_commercial_id=" + simulator.order(second).commercialId()));
    JsonNode byLine = MiraklClient.json(client.get(ITEMS + "?order_line_id=" + first + "-2"));
    JsonNode page = MiraklClient.json(client.get(ITEMS + "?limit=2"));
    JsonNode rest = MiraklClient.json(client.get(ITEMS + "?" + next(page)));

    assertThat(filtered.get("data")).hasSize(1);
    assertThat(filtered.at("/data/0/order_line_id").stringValue()).isEqualTo(second + "-1");
    assertThat(byLine.get("data")).hasSize(1);
    assertThat(
            page.get("data").valueStream().map(i -> i.get("order_line_id").stringValue()).toList())
        .containsExactly(first + "-1", first + "-2");
    assertThat(rest.at("/data/0/order_line_id").stringValue()).isEqualTo(second + "-1");
    assertThat(rest.has("next_page_token")).isFalse();
  }
}
