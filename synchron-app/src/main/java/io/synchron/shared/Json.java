package io.synchron.shared;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading a field of the small JSON payloads Synchron stores with its jobs. */
public final class Json {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Json() {}

  public static String text(String payload, String field) {
    JsonNode value = JSON.readTree(payload).get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  public static long number(String payload, String field) {
    return JSON.readTree(payload).get(field).asLong();
  }
}
