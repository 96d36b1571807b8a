package io.synchron.billing;

/** What a document line bills: goods, or the shipping charged to the customer (billed as an ordinary line). */
public enum LineKind {
  GOODS,
  SHIPPING
}
