package io.synchron.inbox;

/** The job kinds the inbox queues for the flow to carry out. */
public final class InboxJobs {

  /** Re-read a Shopify order and bring the ledger in step with it. Payload: {"gid": "gid://shopify/Order/…"}. */
  public static final String SYNC_FROM_SHOPIFY = "SYNC_FROM_SHOPIFY";

  private InboxJobs() {}
}
