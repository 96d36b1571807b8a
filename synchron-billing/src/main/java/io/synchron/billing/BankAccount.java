package io.synchron.billing;

/**
 * Where the seller is paid (EN 16931 BG-16/BG-17): rendered as a credit transfer (payment means code 30).
 *
 * @param accountId IBAN or other account identifier (BT-84)
 * @param bic the bank's BIC (BT-86), optional
 * @param accountName the account holder (BT-85), optional
 */
public record BankAccount(String accountId, String bic, String accountName) {

  public BankAccount {
    accountId = Checks.text(accountId, "accountId").replace(" ", "");
    bic = Checks.optionalText(bic);
    accountName = Checks.optionalText(accountName);
  }
}
