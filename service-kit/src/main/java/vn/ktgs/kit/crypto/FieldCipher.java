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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Sealed personal data at rest (a citizen ID, a denouncer's identity): AES-256-GCM with a random nonce,
 * and a keyed HMAC "blind index" so that a sealed value can still be found by exact match without being
 * decrypted. Both keys are derived from one master key, {@code ktgs.kit.crypto.key} (base64, 32 bytes),
 * which production takes from a secret ({@code KTGS_CRYPTO_KEY}).
 * <p>
 * {@code purpose} (e.g. "member.citizen-id") is bound into both: a sealed value copied into another column
 * does not open there, and the same value gets unrelated indexes in two columns.
 * <p>
 * Key rotation: the new master key becomes {@code ktgs.kit.crypto.key} and the old ones are listed in
 * {@code ktgs.kit.crypto.previous-keys}. Values sealed under an old key still open, lookups try the index under every
 * key, and {@link Resealing} seals every stored value again under the new key; once it reports nothing left, the old
 * key is removed from the list (and from the secret).
 * Sealed format: version 2, the key's 4-byte id, a 12-byte nonce, the ciphertext with its 16-byte tag. Version 1
 * (no key id, before rotation existed) is opened by trying each key.
 */
@ApplicationScoped
public class FieldCipher {
    private static final byte VERSION_1 = 1;
    private static final byte VERSION = 2;
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A master key's derived keys and the id sealed values name it by. */
    private record Key(byte[] id, SecretKeySpec encryption, byte[] index) {
    }

    private final Key current;
    private final List<Key> keys;
    private final SecureRandom random = new SecureRandom();

    @Inject
    FieldCipher(CryptoConfig config) {
        this(config.key(), config.previousKeys().orElse(List.of()));
    }

    public FieldCipher(String masterKeyBase64) {
        this(masterKeyBase64, List.of());
    }

    /** {@code previousKeysBase64}: the keys values may still be sealed under, while {@link Resealing} replaces them. */
    public FieldCipher(String masterKeyBase64, List<String> previousKeysBase64) {
        this.current = key(masterKeyBase64, "ktgs.kit.crypto.key");
        List<Key> all = new ArrayList<>(List.of(current));
        for (String previous : previousKeysBase64) {
            if (!previous.isBlank()) {
                all.add(key(previous, "ktgs.kit.crypto.previous-keys"));
            }
        }
        this.keys = List.copyOf(all);
    }

    private static Key key(String base64, String setting) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64", e);
        }
        if (master.length != 32) {
            throw new IllegalStateException(setting + " must hold 32 bytes (256 bits), not " + master.length);
        }
        // separate keys for separate jobs, so the index never reveals anything about the ciphertexts
        return new Key(Arrays.copyOf(hmac(master, "ktgs.kit.crypto/key-id/v1".getBytes(StandardCharsets.UTF_8)), KEY_ID_BYTES),
                new SecretKeySpec(hmac(master, "ktgs.kit.crypto/encryption/v1".getBytes(StandardCharsets.UTF_8)), "AES"),
                hmac(master, "ktgs.kit.crypto/blind-index/v1".getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] seal(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, current.encryption(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + KEY_ID_BYTES + NONCE_BYTES + ciphertext.length).put(VERSION).put(current.id())
                    .put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; fails if the value was sealed under no key this service has, or another purpose, or was altered. */
    public String open(byte[] sealed, String purpose) {
        if (sealed != null && sealed.length >= 1 + KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8 && sealed[0] == VERSION) {
            byte[] id = Arrays.copyOfRange(sealed, 1, 1 + KEY_ID_BYTES);
            for (Key k : keys) {
                if (Arrays.equals(k.id(), id)) {
                    return open(k, sealed, 1 + KEY_ID_BYTES, purpose);
                }
            }
            throw new IllegalStateException("a sealed value names a key this service does not have (key rotated away too early?)");
        }
        if (sealed != null && sealed.length >= 1 + NONCE_BYTES + TAG_BITS / 8 && sealed[0] == VERSION_1) {
            for (Key k : keys) {
                try {
                    return open(k, sealed, 1, purpose);
                } catch (IllegalStateException wrongKey) {
                    // version 1 names no key: the next one may open it
                }
            }
            throw new IllegalStateException("a sealed value does not open with any key and this purpose");
        }
        throw new IllegalStateException("not a value sealed by FieldCipher");
    }

    private static String open(Key k, byte[] sealed, int nonceAt, String purpose) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k.encryption(), new GCMParameterSpec(TAG_BITS, sealed, nonceAt, NONCE_BYTES));
            c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(sealed, nonceAt + NONCE_BYTES, sealed.length - nonceAt - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with this key and purpose", e);
        }
    }

    /** The first bytes of every value sealed under the current key: what {@link Resealing} looks for. */
    public byte[] currentPrefix() {
        return ByteBuffer.allocate(1 + KEY_ID_BYTES).put(VERSION).put(current.id()).array();
    }

    /** Whether old keys are configured, so that stored values may still need sealing again. */
    public boolean rotating() {
        return keys.size() > 1;
    }

    /** A deterministic keyed digest (hex) of {@code value}: equal values give equal indexes, and nothing else can be read from it. */
    public String blindIndex(String value, String purpose) {
        return index(current, value, purpose);
    }

    /** The index under the current key, then under each previous key: what a lookup matches while a rotation runs. */
    public List<String> blindIndexes(String value, String purpose) {
        return keys.stream().map(k -> index(k, value, purpose)).toList();
    }

    private static String index(Key k, String value, String purpose) {
        byte[] message = (purpose + '\0' + value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(k.index(), message));
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
