package vn.ktgs.kit.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ktgs.kit.crypto.*}: the master key of {@link FieldCipher}. */
@ConfigMapping(prefix = "ktgs.kit.crypto")
public interface CryptoConfig {
    /** Base64 of 32 random bytes ({@code head -c 32 /dev/urandom | base64}); from a secret in production. */
    String key();

    /** Keys values may still be sealed under during a rotation (comma-separated; {@code KTGS_CRYPTO_PREVIOUS_KEYS}). */
    Optional<List<String>> previousKeys();

    /** How often {@link Resealing} looks for values still sealed under a previous key. */
    @WithDefault("1m")
    Duration resealEvery();
}
