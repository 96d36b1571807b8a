package io.synchron.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VatRegimePolicyTest {

  private final VatRegimePolicy policy = new VatRegimePolicy();
  private final Buyer consumer = Fixtures.consumer("Anna Schmidt", "DE");
  private final Buyer business = Fixtures.business("Schmidt GmbH", "DE", "DE811907980");

  @Test
  void aSellerInvoicingChannelIssues() {
    assertThat(policy.decide(VatRegime.SELLER_INVOICES, consumer))
        .isEqualTo(new IssueDecision.Issue(VatRegime.SELLER_INVOICES));
  }

  @Test
  void anExportChannelIssuesAtZeroRate() {
    assertThat(policy.decide(VatRegime.EXPORT_ZERO_RATED, consumer))
        .isEqualTo(new IssueDecision.Issue(VatRegime.EXPORT_ZERO_RATED));
  }

  @Test
  void aDeemedSupplierMarketplaceSellingToAConsumerMeansNoSellerInvoice() {
    IssueDecision decision = policy.decide(VatRegime.MARKETPLACE_DEEMED_SUPPLIER, consumer);

    assertThat(decision).isInstanceOfSatisfying(IssueDecision.DoNotIssue.class, d -> {
      assertThat(d.reason()).isEqualTo(RefusalReason.MARKETPLACE_IS_DEEMED_SUPPLIER);
      assertThat(d.explanation()).contains("deemed supplier", "art. 14a");
    });
  }

  @Test
  void aDeemedSupplierRegimeWithABusinessBuyerIsLeftToAPersonRatherThanGuessed() {
    IssueDecision decision = policy.decide(VatRegime.MARKETPLACE_DEEMED_SUPPLIER, business);

    assertThat(decision).isInstanceOfSatisfying(IssueDecision.DoNotIssue.class, d -> {
      assertThat(d.reason()).isEqualTo(RefusalReason.DEEMED_SUPPLIER_REGIME_WITH_BUSINESS_BUYER);
      assertThat(d.explanation()).contains("DE811907980", "non-taxable persons");
    });
  }
}
