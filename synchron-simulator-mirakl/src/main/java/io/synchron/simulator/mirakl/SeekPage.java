package io.synchron.simulator.mirakl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seek pagination for the return list APIs (RT11, RT12): {@code limit} (10 by default, 1 to 100, as
 * Mirakl's shop SDK documents), an opaque {@code page_token}, and an answer {@code {"data": [...],
 * "next_page_token", "previous_page_token"}} whose tokens are absent on the last and the first page.
 *
 * <p>A token carries the whole query (filters, sort and limit) and a position: the sort key of the
 * last item seen (next page) or of the first (previous page). When {@code page_token} is given
 * every other parameter but {@code shop_id} is ignored, as the SDK says ("all other parameters are
 * ignored when this token is present"). Positions are keys, not offsets, so an item that appears
 * or changes state between two calls neither shifts nor repeats the pages that follow. A token of
 * another operation, or one the simulator did not write, is a 400 VALIDATION_ERROR.
 */
final class SeekPage {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;

  private SeekPage() {}

  /**
   * The query a list call is answered from.
   *
   * @param params the request's parameters, or those its token carries
   * @param forward whether the page follows {@code key} (else it precedes it)
   * @param key the position, null for the first page
   */
  record Request(Map<String, List<String>> params, boolean forward, String key) {

    static Request read(String operation, Map<String, List<String>> params, JsonMapper mapper) {
      List<String> tokens = params.get("page_token");
      String token =
          tokens == null || tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).trim();
      if (token == null || token.isEmpty()) {
        Map<String, List<String>> own = new LinkedHashMap<>(params);
        own.remove("page_token");
        own.remove("shop_id");
        return new Request(own, true, null);
      }
      try {
        JsonNode root =
            mapper.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        if (root == null
            || !root.path("operation").asString("").equals(operation)
            || !root.path("params").isObject()
            || !root.path("forward").isBoolean()
            || !root.path("key").isString()) {
          throw invalidToken();
        }
        Map<String, List<String>> carried = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> param : root.get("params").properties()) {
          List<String> values = new ArrayList<>();
          for (JsonNode value : param.getValue()) {
            values.add(value.asString());
          }
          carried.put(param.getKey(), values);
        }
        return new Request(
            carried, root.get("forward").booleanValue(), root.get("key").stringValue());
      } catch (IllegalArgumentException | JacksonException e) {
        throw invalidToken();
      }
    }

    /** {@code limit}: 10 when absent, else 1 to 100. */
    int limit() {
      List<String> values = params.get("limit");
      if (values == null || values.isEmpty() || values.get(values.size() - 1).isBlank()) {
        return DEFAULT_LIMIT;
      }
      int limit;
      try {
        limit = Integer.parseInt(values.get(values.size() - 1).trim());
      } catch (NumberFormatException e) {
        throw RequestParser.invalid("limit", "limit must be an integer");
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw RequestParser.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
      }
      return limit;
    }

    private String token(String operation, boolean forward, String key, JsonMapper mapper) {
      ObjectNode root = mapper.createObjectNode();
      root.put("operation", operation);
      ObjectNode carried = root.putObject("params");
      params.forEach(
          (name, values) -> {
            ArrayNode array = carried.putArray(name);
            values.forEach(array::add);
          });
      root.put("forward", forward);
      root.put("key", key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mapper.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The page of {@code sorted} (the matching items, already in the requested order) the request
   * asks for.
   *
   * @param compareToKey how an item compares with a position key, in the requested order
   * @param keyOf an item's position key
   */
  static <T> ObjectNode page(
      String operation,
      Request request,
      List<T> sorted,
      BiFunction<T, String, Integer> compareToKey,
      Function<T, String> keyOf,
      Function<T, ObjectNode> render,
      JsonMapper mapper) {
    int limit = request.limit();
    int from;
    int to;
    if (request.key() == null) {
      from = 0;
      to = Math.min(limit, sorted.size());
    } else if (request.forward()) {
      from = 0;
      while (from < sorted.size() && compareToKey.apply(sorted.get(from), request.key()) <= 0) {
        from++;
      }
      to = Math.min(from + limit, sorted.size());
    } else {
      to = 0;
      while (to < sorted.size() && compareToKey.apply(sorted.get(to), request.key()) < 0) {
        to++;
      }
      from = Math.max(0, to - limit);
    }
    ObjectNode body = mapper.createObjectNode();
    ArrayNode data = body.putArray("data");
    for (T item : sorted.subList(from, to)) {
      data.add(render.apply(item));
    }
    if (to < sorted.size() && to > from) {
      body.put(
          "next_page_token", request.token(operation, true, keyOf.apply(sorted.get(to - 1)), mapper));
    }
    if (from > 0 && to > from) {
      body.put(
          "previous_page_token",
          request.token(operation, false, keyOf.apply(sorted.get(from)), mapper));
    }
    return body;
  }

  private static ApiError.Failure invalidToken() {
    return RequestParser.invalid("page_token", "page_token is not a token this API gave");
  }
}
