/**
 * The built-in sandbox: when enabled, starts the Mirakl and Shopify simulators on loopback before the application
 * binds its configuration, points one sandbox shop and one sandbox channel at them, and places a steady trickle of
 * realistic marketplace orders. Nothing in the application refers to this package; it only adds configuration.
 */
package io.synchron.sandbox;
