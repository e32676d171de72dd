package cn.luohu.qpb.base;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's stylesheet has no build step that would notice a broken rule: this test does. */
class StylesheetTest {

    @Test
    void everyRuleIsClosed() throws IOException {
        String css = Files.readString(Path.of("frontend/styles/portal.css")).replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertTrue(depth >= 0, "a closing brace without an opening one near line " + line);
            assertTrue(depth <= 2, "rules nested deeper than a media query near line " + line + ": a brace is missing");
        }
        assertEquals(0, depth, "every rule is closed");
    }

    @Test
    void theClassesTheCodeReliesOnForLayoutAreStyled() throws IOException {
        String css = Files.readString(Path.of("frontend/styles/portal.css"));
        for (String rule : new String[]{".qpb-evidence-file {", ".qpb-print {", "@page {", ".qpb-print-signature {"}) {
            assertTrue(css.contains(rule), rule);
        }
    }
}
