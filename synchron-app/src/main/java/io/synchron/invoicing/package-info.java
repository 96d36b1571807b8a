/**
 * Invoicing of marketplace sales: when an order reaches the state its channel's finance process names, an invoice is
 * issued (through the billing module: numbering, EN 16931 amounts, PDF, Factur-X, UBL), attached to the marketplace
 * order (Mirakl OR74) and announced to finance systems as a signed event; a cancellation after invoicing gives a
 * credit note. Every step is a durable job, safe to repeat.
 */
package io.synchron.invoicing;
