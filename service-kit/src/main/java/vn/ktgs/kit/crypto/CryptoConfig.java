package vn.ktgs.kit.crypto;

import io.smallrye.config.ConfigMapping;

/** {@code ktgs.kit.crypto.*}: the master key of {@link FieldCipher}. */
@ConfigMapping(prefix = "ktgs.kit.crypto")
public interface CryptoConfig {
    /** Base64 of 32 random bytes ({@code head -c 32 /dev/urandom | base64}); from a secret in production. */
    String key();
}
