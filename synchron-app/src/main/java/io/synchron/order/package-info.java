/**
 * The ledger: one {@link io.synchron.order.SyncedOrder} per marketplace order, linked to at most one Shopify order.
 * Both sides' states are separate fields moved only by guarded transitions that register past-tense events; the
 * events become the order's timeline. Nothing in this package talks to a platform or knows a wire format.
 */
package io.synchron.order;
