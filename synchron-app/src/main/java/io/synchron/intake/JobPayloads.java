package io.synchron.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the small JSON payloads the flow stores on its jobs. */
final class JobPayloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JobPayloads() {}

  static String text(String payload, String field) {
    JsonNode value = JSON.readTree(payload).get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  static Map<String, Integer> quantities(String payload, String field) {
    Map<String, Integer> result = new LinkedHashMap<>();
    JsonNode node = JSON.readTree(payload).get(field);
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        result.put(e.getKey(), e.getValue().asInt());
      }
    }
    return result;
  }
}
