package vn.ktgs.planning.member;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.crypto.FieldCipher;

import java.util.List;

/**
 * The citizen ID (CCCD) of a member: sealed at rest, found by its blind index, shown in full only to an
 * admin whose unit is at or above the member's (the caller of {@link #shown} decides), otherwise masked.
 */
@ApplicationScoped
public class MemberCitizenIds {
    static final String PURPOSE = "member.citizen-id";

    private final FieldCipher cipher;

    MemberCitizenIds(FieldCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(String citizenId) {
        return cipher.seal(citizenId.strip(), PURPOSE);
    }

    public String index(String citizenId) {
        return cipher.blindIndex(citizenId.strip(), PURPOSE);
    }

    /** The index under every key this service has: a search finds members not yet sealed again after a key rotation. */
    List<String> indexes(String citizenId) {
        return cipher.blindIndexes(citizenId.strip(), PURPOSE);
    }

    /** The whole number, or all but its last four digits masked ({@code ********9012}). */
    String shown(byte[] sealed, boolean inFull) {
        String id = cipher.open(sealed, PURPOSE);
        return inFull ? id : "*".repeat(Math.max(0, id.length() - 4)) + id.substring(Math.max(0, id.length() - 4));
    }
}
