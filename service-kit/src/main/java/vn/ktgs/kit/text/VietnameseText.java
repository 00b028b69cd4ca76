package vn.ktgs.kit.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text as the suite stores and searches it. */
public final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /**
     * The first character no text may hold, described for an error message, or null: NUL and the other
     * control characters (tab, line feed and carriage return aside) and the bidirectional formatting
     * characters that can make a name read differently from what it is (U+202E and kin), and half of a UTF-16
     * surrogate pair, which is no character at all and would be stored as "?".
     */
    public static String forbiddenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a whole pair: one character outside the BMP
                continue;
            }
            if (Character.isSurrogate(c)) {
                return String.format("U+%04X (half of a surrogate pair)", (int) c);
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidi) {
                return String.format("U+%04X (%s)", (int) c, control ? "a control character" : "a bidirectional formatting character");
            }
        }
        return null;
    }

    /** NFC with trimmed and single spaces: the form every stored text takes. */
    public static String normalise(String s) {
        return s == null ? null : SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** Lower case without diacritics ("Hà Nội" and "ha noi" fold alike), for search columns and terms. */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String stripped = MARKS.matcher(Normalizer.normalize(normalise(s), Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern that finds {@code q} inside a folded column: "%" + fold(q) + "%", with LIKE's own characters escaped. */
    public static String containsPattern(String q) {
        return "%" + fold(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
