/**
 * The connector SPI: what Synchron asks of a marketplace ({@link io.synchron.connector.MarketplaceConnector}) and of
 * Shopify ({@link io.synchron.connector.ShopifyGateway}), in Synchron's own terms. Each platform's wire format
 * stays inside its sub-package; failures surface as {@link io.synchron.connector.PlatformException}s that carry
 * their classification (retry, retry after, permanent).
 */
package io.synchron.connector;
