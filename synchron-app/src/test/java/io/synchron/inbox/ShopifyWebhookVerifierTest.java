package io.synchron.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShopifyWebhookVerifierTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void signsLikeShopifyDoesAccordingToThePublishedVector() {
    assertThat(ShopifyWebhookVerifier.sign("secret", bytes("foo")))
        .isEqualTo("dzukRpPHVT1u4g9h6l0nV6mk9KRNKEGuTpW1LkzWLbQ=");
  }

  @Test
  void acceptsTheSecondReferenceVector() {
    assertThat(ShopifyWebhookVerifier.verify(bytes("{\"id\":820982911946154508,\"name\":\"#9999\"}"),
        "ynR1PMel7WVr1F1xdQeN9vLyaY7o7B3/WRdc5xl3VY8=", "shpss_test_secret")).isTrue();
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    String forged = ShopifyWebhookVerifier.sign("attacker", bytes("foo"));
    assertThat(ShopifyWebhookVerifier.verify(bytes("foo"), forged, "secret")).isFalse();
  }

  @Test
  void refusesABodyChangedAfterSigning() {
    String signature = ShopifyWebhookVerifier.sign("secret", bytes("{\"id\":1}"));
    assertThat(ShopifyWebhookVerifier.verify(bytes("{\"id\":2}"), signature, "secret")).isFalse();
  }

  @Test
  void refusesAMissingSignature() {
    assertThat(ShopifyWebhookVerifier.verify(bytes("foo"), null, "secret")).isFalse();
    assertThat(ShopifyWebhookVerifier.verify(bytes("foo"), " ", "secret")).isFalse();
  }

  @Test
  void acceptsThePreviousSecretDuringARotation() {
    String oldSignature = ShopifyWebhookVerifier.sign("old", bytes("foo"));
    assertThat(ShopifyWebhookVerifier.verify(bytes("foo"), oldSignature, "new", "old")).isTrue();
  }

  @Test
  void refusesEverythingWhenNoSecretIsConfigured() {
    assertThat(ShopifyWebhookVerifier.verify(bytes("foo"), ShopifyWebhookVerifier.sign("x", bytes("foo")),
        (String) null)).isFalse();
  }
}
