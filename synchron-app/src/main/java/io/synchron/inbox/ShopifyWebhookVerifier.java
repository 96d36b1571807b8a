package io.synchron.inbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify signs each webhook with base64(HMAC-SHA256(app secret, raw body)) in {@code X-Shopify-Hmac-Sha256}.
 * Verification works on the raw bytes, before any parsing, and compares in constant time; during a secret rotation
 * the previous secret is accepted too (Shopify may keep signing with it for up to an hour).
 */
public final class ShopifyWebhookVerifier {

  private ShopifyWebhookVerifier() {}

  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Whether the signature matches the body under one of the secrets (null secrets are skipped). */
  public static boolean verify(byte[] body, String signature, String... secrets) {
    if (signature == null || signature.isBlank()) {
      return false;
    }
    byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
    boolean ok = false;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        ok |= MessageDigest.isEqual(expected, given);
      }
    }
    return ok;
  }
}
