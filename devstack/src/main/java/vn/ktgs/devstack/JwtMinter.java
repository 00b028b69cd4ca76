package vn.ktgs.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mints RS256 tokens for local runs and tests, the way an OIDC provider would in production.
 * The claims are those of ARCHITECTURE §6: {@code sub}, {@code groups}, {@code org}.
 */
public final class JwtMinter {
    public static final String LOCAL_ISSUER = "https://ktgs.local/issuer";
    public static final String AUDIENCE = "ktgs";

    private final PrivateKey key;
    private final String issuer;

    public JwtMinter(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code private.pem} and {@code public.pem} into the directory unless they exist. */
    public static void ensureKeyFiles(Path dir) throws IOException {
        Path priv = dir.resolve("private.pem");
        if (Files.exists(priv)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPair pair = newKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        priv.toFile().setReadable(false, false);
        priv.toFile().setReadable(true, true);
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public static PrivateKey readPrivateKey(Path pemFile) throws IOException {
        String body = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pemFile, e);
        }
    }

    /** A token for a user of an org unit with the given roles, valid for {@code ttlSeconds}. */
    public String mint(String subject, String orgId, List<String> groups, long ttlSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("iat", now);
        claims.put("exp", now + ttlSeconds);
        claims.put("groups", groups);
        if (orgId != null) {
            claims.put("org", orgId);
        }
        return sign(claims);
    }

    /** Signs arbitrary claims; tests use it for expired, wrong-issuer and wrong-audience tokens. */
    public String sign(Map<String, Object> claims) {
        String header = b64(json(Map.of("alg", "RS256", "typ", "JWT")));
        String payload = b64(json(claims));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) that every verifier must refuse. */
    public static String unsigned(Map<String, Object> claims) {
        return b64(json(Map.of("alg", "none", "typ", "JWT"))) + "." + b64(json(claims)) + ".";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(JwtMinter::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toString().toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
