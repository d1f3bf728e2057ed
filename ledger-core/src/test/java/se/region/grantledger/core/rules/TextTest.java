package se.region.grantledger.core.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @Test
    void storableTextPassesWithTabsLineBreaksAndWholeCharacters() {
        String text = "Förstudie\tin\r\nSala 😀 " + "x".repeat(Text.MAX_LENGTH - 25);
        assertThat(Text.check(text, "title")).isEqualTo(text);
        assertThat(Text.check(null, "title")).isNull();
    }

    @Test
    void controlCharactersBrokenUnicodeAndOverlongTextAreRefused() {
        assertThatThrownBy(() -> Text.check("RV\u0000", "diaryNumber")).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("diaryNumber").hasMessageContaining("U+0000 at position 2");
        assertThatThrownBy(() -> Text.check("a\u001bb", "name")).hasMessageContaining("U+001B");
        assertThatThrownBy(() -> Text.check("\udfff\ud800", "reason")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Text.check("x\ud800", "reason")).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Text.check("x".repeat(Text.MAX_LENGTH + 1), "reason"))
                .hasMessageContaining(Text.MAX_LENGTH + 1 + " characters");
        assertThatThrownBy(() -> Require.text(" \u0000", "title")).isInstanceOf(InvalidValue.class);
    }
}
