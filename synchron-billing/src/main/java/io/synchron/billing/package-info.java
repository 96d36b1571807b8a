/**
 * Billing: invoices and credit notes for marketplace orders, modelled on EN 16931 and issued as a readable PDF, a
 * Factur-X (EN 16931 profile) PDF/A-3 and a UBL 2.1 document. Nothing here knows Mirakl, Shopify or any other
 * platform: the application maps its orders to {@link io.synchron.billing.IssueRequest} and its refunds to
 * {@link io.synchron.billing.CreditNoteRequest}.
 *
 * <h2>Wiring (plain constructors, no Spring annotations)</h2>
 *
 * <pre>{@code
 * BillingStore store = new BillingStore(dataSource);                    // or (dataSource, transactionManager)
 * DocumentRenderer renderer = new StandardDocumentRenderer(clock);      // io.synchron.billing.render
 * InvoiceIssuer invoices = new InvoiceIssuer(store, renderer, clock);
 * CreditNoteIssuer creditNotes = new CreditNoteIssuer(store, renderer, clock);
 * }</pre>
 *
 * The tables come from {@code db/migration/V20__billing.sql} in this jar, run by the application's Flyway.
 *
 * <h2>Contracts</h2>
 *
 * <ul>
 *   <li>{@link io.synchron.billing.InvoiceIssuer#issue} and {@link io.synchron.billing.CreditNoteIssuer#issue} return
 *       an {@link io.synchron.billing.IssueResult}: {@code Issued} (with number, kind, PDF, Factur-X and UBL bytes,
 *       totals and the {@link io.synchron.billing.Reconciliation} with what the marketplace charged), or
 *       {@code Refused} with a {@link io.synchron.billing.RefusalReason} and an explanation for a person. Refusals
 *       are business rules (deemed-supplier regime, credit beyond what was invoiced...); invalid requests throw
 *       {@link java.lang.IllegalArgumentException}; infrastructure failures throw and roll back.
 *   <li>Both are safe to call again with the same request key: the earlier document comes back, no number is used.
 *   <li>Numbers come from gapless series ({@code <seriesId>-000001}, ...), allocated in the transaction that stores
 *       the final document; a rollback gives the number back. Issue dates are the seller's local date at that
 *       moment, from the injected clock.
 *   <li>Issued documents are immutable: {@link io.synchron.billing.BillingStore} has no update or delete, and the
 *       database refuses UPDATE, DELETE and TRUNCATE on them. Corrections are credit notes, which reference the
 *       original invoice's number and date and never exceed what it invoiced, counting earlier credit notes.
 *   <li>Money is {@link java.math.BigDecimal} at the currency's minor unit (at most 2 decimals, as EN 16931 requires),
 *       rounded HALF_UP; VAT is computed per category and rate on the summed base (BR-CO-17), never from lines.
 *   <li>The channel's {@link io.synchron.billing.VatRegime} decides whether an invoice is issued
 *       ({@link io.synchron.billing.VatRegimePolicy}).
 *   <li>Rendering runs inside the numbering transaction, so documents of one series are issued one at a time
 *       (different series in parallel); no remote call happens there.
 * </ul>
 */
package io.synchron.billing;
