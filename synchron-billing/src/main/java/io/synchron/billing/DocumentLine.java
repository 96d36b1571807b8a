package io.synchron.billing;

import java.math.BigDecimal;

/**
 * One line of an issued document (EN 16931 BG-25), amounts excluding VAT and at the currency's minor unit.
 * {@code netAmount = round(quantity × netUnitPrice) − discount} holds on every line.
 *
 * @param position 1-based line number on the document (BT-126)
 * @param lineId the order line this line bills or credits
 * @param kind goods or shipping
 * @param description item name (BT-153)
 * @param sku seller's item id (BT-155) or {@code null}
 * @param quantity billed quantity (BT-129); for an amount-only credit it is 1
 * @param unitCode UN/ECE rec. 20 unit (BT-130), "C62" (one)
 * @param netUnitPrice price per unit excluding VAT (BT-146), up to 8 decimals
 * @param discount line allowance excluding VAT (BT-136)
 * @param netAmount line net amount (BT-131)
 * @param vatCategory BT-151
 * @param vatRate BT-152, a percentage
 * @param chargedAmount the amount the customer was charged (or refunded) for this line in the request's price mode:
 *     VAT included for tax-included requests, else equal to {@code netAmount}
 * @param units units of the order line this line accounts for: the quantity on invoices, the units returned on credit
 *     notes (zero for an amount-only credit)
 */
public record DocumentLine(
    int position,
    String lineId,
    LineKind kind,
    String description,
    String sku,
    BigDecimal quantity,
    String unitCode,
    BigDecimal netUnitPrice,
    BigDecimal discount,
    BigDecimal netAmount,
    VatCategory vatCategory,
    BigDecimal vatRate,
    BigDecimal chargedAmount,
    BigDecimal units) {}
