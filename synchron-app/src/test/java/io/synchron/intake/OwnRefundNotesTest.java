package io.synchron.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnRefundNotesTest {

  @Test
  void refundsSynchronRecordsAreRecognisedByTheirNoteInTodaysAndEarlierWording() {
    assertThat(RecordRefundInShopifyHandler.isOwn("Marketplace refund 1234" + RecordRefundInShopifyHandler.OWN_NOTE
        + " (reason 15)")).isTrue();
    assertThat(RecordRefundInShopifyHandler.isOwn("Refund 1234 made on the marketplace (reason 15)")).isTrue();
  }

  @Test
  void refundsMadeByPeopleInShopifyAreNotSynchrons() {
    assertThat(RecordRefundInShopifyHandler.isOwn(null)).isFalse();
    assertThat(RecordRefundInShopifyHandler.isOwn("Refunded by customer service")).isFalse();
    assertThat(RecordRefundInShopifyHandler.isOwn("Customer says: Refund 12 made on the marketplace?")).isFalse();
  }
}
