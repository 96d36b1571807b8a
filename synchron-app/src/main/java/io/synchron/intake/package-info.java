/**
 * The order-intake flow: polls each channel into the inbox, applies signals to the ledger together with the
 * actions they imply, and runs those actions (decide, accept or refuse on the marketplace, import into Shopify) as
 * durable jobs. Platform calls happen only in job handlers, never inside a transaction that changes an order.
 */
package io.synchron.intake;
