package vn.ktgs.kit.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Sealed personal data at rest (a citizen ID, a denouncer's identity): AES-256-GCM with a random nonce,
 * and a keyed HMAC "blind index" so that a sealed value can still be found by exact match without being
 * decrypted. Both keys are derived from one master key, {@code ktgs.kit.crypto.key} (base64, 32 bytes),
 * which production takes from a secret ({@code KTGS_CRYPTO_KEY}).
 * <p>
 * {@code purpose} (e.g. "member.citizen-id") is bound into both: a sealed value copied into another column
 * does not open there, and the same value gets unrelated indexes in two columns.
 * Sealed format: version byte, 12-byte nonce, ciphertext with its 16-byte tag. The version byte leaves room
 * for a key rotation.
 */
@ApplicationScoped
public class FieldCipher {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    FieldCipher(CryptoConfig config) {
        this(config.key());
    }

    public FieldCipher(String masterKeyBase64) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(masterKeyBase64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ktgs.kit.crypto.key must be base64", e);
        }
        if (master.length != 32) {
            throw new IllegalStateException("ktgs.kit.crypto.key must hold 32 bytes (256 bits), not " + master.length);
        }
        // separate keys for separate jobs, so the index never reveals anything about the ciphertexts
        this.encryptionKey = new SecretKeySpec(hmac(master, "ktgs.kit.crypto/encryption/v1".getBytes(StandardCharsets.UTF_8)), "AES");
        this.indexKey = hmac(master, "ktgs.kit.crypto/blind-index/v1".getBytes(StandardCharsets.UTF_8));
    }

    public byte[] seal(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; fails if the value was sealed with another key or purpose, or was altered. */
    public String open(byte[] sealed, String purpose) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a value sealed by FieldCipher (version " + VERSION + ")");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with this key and purpose", e);
        }
    }

    /** A deterministic keyed digest (hex) of {@code value}: equal values give equal indexes, and nothing else can be read from it. */
    public String blindIndex(String value, String purpose) {
        byte[] message = (purpose + '\0' + value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(indexKey, message));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
