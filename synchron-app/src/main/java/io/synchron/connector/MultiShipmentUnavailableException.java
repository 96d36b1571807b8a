package io.synchron.connector;

/** The marketplace operator has not enabled multiple shipments per order: use one shipment per order instead. */
public class MultiShipmentUnavailableException extends RuntimeException {
  public MultiShipmentUnavailableException(String message) {
    super(message);
  }
}
