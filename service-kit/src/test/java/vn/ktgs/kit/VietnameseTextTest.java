package vn.ktgs.kit;

import org.junit.jupiter.api.Test;
import vn.ktgs.kit.text.VietnameseText;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VietnameseTextTest {
    @Test
    void foldsDiacriticsAndDStroke() {
        assertEquals("dang bo phuong thanh sen", VietnameseText.fold("Đảng bộ phường Thành Sen"));
        assertEquals("ha noi", VietnameseText.fold("  Hà   Nội "));
    }

    @Test
    void normalisesDecomposedInputToNfc() {
        String decomposed = Normalizer.normalize("Nghệ An", Normalizer.Form.NFD);
        String stored = VietnameseText.normalise(decomposed);
        assertEquals("Nghệ An", stored);
        assertEquals(7, stored.length());
    }

    @Test
    void searchPatternsEscapeLikeWildcards() {
        assertEquals("%50\\% ha\\_noi%", VietnameseText.containsPattern("50% Hà_Nội"));
    }
}
