package cn.luohu.qpb.organization;

/**
 * The materialised path of an organisation: the ids from the root down to it, e.g. '/1/12/345/'
 * (see the changelog for why). The one place that knows the format.
 */
public final class TreePath {

    private TreePath() {
    }

    public static String root(long id) {
        return "/" + id + "/";
    }

    public static String child(String parentPath, long id) {
        return parentPath + id + "/";
    }

    /** 0 for the root, 1 for a committee, and so on. */
    public static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    /** Whether {@code path} lies in the subtree that starts at {@code ancestorPath} (itself included). */
    public static boolean isWithin(String path, String ancestorPath) {
        return path.startsWith(ancestorPath);
    }
}
