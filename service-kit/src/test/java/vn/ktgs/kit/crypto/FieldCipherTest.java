package vn.ktgs.kit.crypto;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final FieldCipher cipher = new FieldCipher(KEY);

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        byte[] a = cipher.seal("001234569012", "member.citizen-id");
        byte[] b = cipher.seal("001234569012", "member.citizen-id");
        assertFalse(Arrays.equals(a, b), "two seals of one value must differ");
        assertFalse(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1).contains("001234569012"));
        assertEquals(1 + 4 + 12 + 12 + 16, a.length);
        assertEquals("001234569012", cipher.open(a, "member.citizen-id"));
        assertEquals("001234569012", cipher.open(b, "member.citizen-id"));
    }

    @Test
    void refusesAlteredValuesOtherPurposesAndOtherKeys() {
        byte[] sealed = cipher.seal("Nguyễn Văn Hùng", "denunciation.identity");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.open(altered, "denunciation.identity"));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "member.citizen-id"));
        assertThrows(IllegalStateException.class, () -> new FieldCipher(OTHER_KEY).open(sealed, "denunciation.identity"));
        assertThrows(IllegalStateException.class, () -> cipher.open(new byte[]{9, 1, 2}, "denunciation.identity"));
        assertEquals("Nguyễn Văn Hùng", cipher.open(sealed, "denunciation.identity"));
    }

    @Test
    void blindIndexIsDeterministicKeyedAndPerPurpose() {
        String index = cipher.blindIndex("001234569012", "member.citizen-id");
        assertEquals(index, cipher.blindIndex("001234569012", "member.citizen-id"));
        assertEquals(64, index.length());
        assertTrue(index.matches("[0-9a-f]{64}"));
        assertNotEquals(index, cipher.blindIndex("001234569013", "member.citizen-id"));
        assertNotEquals(index, cipher.blindIndex("001234569012", "other.purpose"));
        assertNotEquals(index, new FieldCipher(OTHER_KEY).blindIndex("001234569012", "member.citizen-id"));
    }

    @Test
    void afterARotationOldValuesStillOpenAndAreKnownAsNotYetSealedAgain() {
        FieldCipher old = new FieldCipher(OTHER_KEY);
        FieldCipher ring = new FieldCipher(KEY, java.util.List.of(OTHER_KEY));
        byte[] underOld = old.seal("Nguyễn Văn Hùng", "denunciation.identity");
        // the format before key ids: version 1, then the same nonce and ciphertext
        byte[] version1 = new byte[underOld.length - 4];
        version1[0] = 1;
        System.arraycopy(underOld, 5, version1, 1, underOld.length - 5);
        assertEquals("Nguyễn Văn Hùng", ring.open(underOld, "denunciation.identity"));
        assertEquals("Nguyễn Văn Hùng", ring.open(version1, "denunciation.identity"));
        assertThrows(IllegalStateException.class, () -> cipher.open(underOld, "denunciation.identity"));
        assertThrows(IllegalStateException.class, () -> cipher.open(version1, "denunciation.identity"));

        byte[] prefix = ring.currentPrefix();
        assertTrue(ring.rotating());
        assertFalse(cipher.rotating());
        assertFalse(Arrays.equals(prefix, Arrays.copyOf(underOld, prefix.length)));
        byte[] again = ring.seal(ring.open(underOld, "denunciation.identity"), "denunciation.identity");
        assertTrue(Arrays.equals(prefix, Arrays.copyOf(again, prefix.length)));
        assertEquals("Nguyễn Văn Hùng", cipher.open(again, "denunciation.identity"));
        assertEquals(java.util.List.of(cipher.blindIndex("001234569012", "member.citizen-id"), old.blindIndex("001234569012", "member.citizen-id")),
                ring.blindIndexes("001234569012", "member.citizen-id"));
    }

    @Test
    void refusesAKeyThatIsNotBase64Of32Bytes() {
        assertThrows(IllegalStateException.class, () -> new FieldCipher("not base64!"));
        assertThrows(IllegalStateException.class, () -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
