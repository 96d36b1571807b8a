/**
 * An independent simulator of the Shopify Admin GraphQL API, written from the public reference and
 * executing every document against the real 2026-07 Admin schema.
 *
 * <p>Start one with {@link io.synchron.simulator.shopify.ShopifySimulator#start}; seed products,
 * script faults, act as the merchant or a 3PL (fulfil, track, cancel, edit), control webhook
 * deliveries and inspect the orders, the HTTP journal and the deliveries through its Java API.
 * Nothing in this package is part of the production path.
 */
package io.synchron.simulator.shopify;
