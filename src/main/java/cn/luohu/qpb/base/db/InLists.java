package cn.luohu.qpb.base.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits long lists of keys into IN lists of a bounded size, so one statement stays a reasonable size
 * (and within the server's packet limit) whether a batch holds ten ids or twenty thousand.
 */
public final class InLists {

    /** Keys per IN list. */
    public static final int SIZE = 1000;

    private InLists() {
    }

    /** The items in consecutive chunks of at most {@link #SIZE}; views of one copy of the items. */
    public static <T> List<List<T>> chunks(Collection<T> items) {
        return chunks(items, SIZE);
    }

    public static <T> List<List<T>> chunks(Collection<T> items, int size) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            chunks.add(all.subList(start, Math.min(all.size(), start + size)));
        }
        return chunks;
    }
}
