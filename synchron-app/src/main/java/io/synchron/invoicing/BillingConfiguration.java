package io.synchron.invoicing;

import io.synchron.billing.BillingStore;
import io.synchron.billing.CreditNoteIssuer;
import io.synchron.billing.DocumentRenderer;
import io.synchron.billing.InvoiceIssuer;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the billing module (plain classes) into the application. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

  @Bean
  BillingStore billingStore(DataSource dataSource, PlatformTransactionManager transactions) {
    return new BillingStore(dataSource, transactions);
  }

  @Bean
  DocumentRenderer documentRenderer(Clock clock) {
    return DocumentRenderer.standard(clock);
  }

  @Bean
  InvoiceIssuer invoiceIssuer(BillingStore store, DocumentRenderer renderer, Clock clock) {
    return new InvoiceIssuer(store, renderer, clock);
  }

  @Bean
  CreditNoteIssuer creditNoteIssuer(BillingStore store, DocumentRenderer renderer, Clock clock) {
    return new CreditNoteIssuer(store, renderer, clock);
  }
}
