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
