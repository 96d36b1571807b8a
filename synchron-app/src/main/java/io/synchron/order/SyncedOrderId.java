package io.synchron.order;

import java.util.Objects;
import java.util.UUID;

public record SyncedOrderId(UUID value) {
  public SyncedOrderId {
    Objects.requireNonNull(value);
  }

  public static SyncedOrderId random() {
    return new SyncedOrderId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
