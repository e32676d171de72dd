package cn.luohu.qpb.organization;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreePathTest {

    @Test
    void pathsAndDepths() {
        String root = TreePath.root(1);
        String committee = TreePath.child(root, 12);
        String branch = TreePath.child(committee, 345);
        assertEquals("/1/12/345/", branch);
        assertEquals(0, TreePath.depth(root));
        assertEquals(1, TreePath.depth(committee));
        assertEquals(2, TreePath.depth(branch));
    }

    @Test
    void aSubtreeIsAPrefixButNotAMerePrefixOfTheId() {
        assertTrue(TreePath.isWithin("/1/12/345/", "/1/12/"));
        assertTrue(TreePath.isWithin("/1/12/", "/1/12/"));
        assertFalse(TreePath.isWithin("/1/123/", "/1/12/"), "the closing slash keeps 123 out of 12's subtree");
    }
}
