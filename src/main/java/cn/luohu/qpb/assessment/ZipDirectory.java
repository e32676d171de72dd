package cn.luohu.qpb.assessment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of a ZIP file held in memory (names and declared sizes), read from its central directory
 * alone: nothing is decompressed and nothing is written to disk, so a ZIP bomb costs no more than its own
 * bytes. A file whose directory is damaged, spread over several disks, ZIP64 or unreasonably long has no
 * entries.
 */
final class ZipDirectory {

    /** One entry as the directory declares it. */
    record Entry(String name, long compressedSize, long size) {
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_LENGTH = 22;
    private static final int ENTRY_LENGTH = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UTF8_FLAG = 1 << 11;
    /** Far more than any Word or Excel file holds, far fewer than a hostile directory could list. */
    static final int MAX_ENTRIES = 20_000;

    private ZipDirectory() {
    }

    /**
     * The most an accepted Word or Excel file may unpack to, all entries together: an evidence file is at
     * most 20 MB, and even a text-only Office file rarely unpacks to ten times its size.
     */
    static final long MAX_UNPACKED = 200L * 1024 * 1024;
    /** The most one large entry may unpack to per byte it takes (as Apache POI's ZipSecureFile allows). */
    static final int MAX_RATIO = 100;
    /** Entries up to this size are never a bomb, whatever their ratio. */
    private static final long SMALL_ENTRY = 1024L * 1024;

    static Optional<List<String>> entryNames(byte[] zip) {
        return entries(zip).map(entries -> entries.stream().map(Entry::name).toList());
    }

    /**
     * Whether the directory declares more unpacked bytes than any real document needs: in all, or for one
     * large entry compared with its packed size. Judged by the declared sizes alone, never by unpacking.
     */
    static boolean declaresTooMuch(List<Entry> entries) {
        long total = 0;
        for (Entry entry : entries) {
            total += entry.size();
            if (total > MAX_UNPACKED
                    || entry.size() > SMALL_ENTRY && entry.size() > entry.compressedSize() * MAX_RATIO) {
                return true;
            }
        }
        return false;
    }

    static Optional<List<Entry>> entries(byte[] zip) {
        int end = findEnd(zip);
        if (end < 0) {
            return Optional.empty();
        }
        int disk = u16(zip, end + 4);
        int directoryDisk = u16(zip, end + 6);
        int entriesHere = u16(zip, end + 8);
        int entries = u16(zip, end + 10);
        long size = u32(zip, end + 12);
        long offset = u32(zip, end + 16);
        if (disk != 0 || directoryDisk != 0 || entriesHere != entries || entries == 0xFFFF
                || offset == 0xFFFFFFFFL || size == 0xFFFFFFFFL || entries > MAX_ENTRIES
                || offset + size > end) {
            return Optional.empty();
        }
        List<Entry> found = new ArrayList<>(entries);
        int at = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (at + ENTRY_LENGTH > end || u32(zip, at) != ENTRY_SIGNATURE) {
                return Optional.empty();
            }
            int flags = u16(zip, at + 8);
            int nameLength = u16(zip, at + 28);
            int next = at + ENTRY_LENGTH + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (next > end) {
                return Optional.empty();
            }
            long compressedSize = u32(zip, at + 20);
            long unpackedSize = u32(zip, at + 24);
            if (compressedSize == 0xFFFFFFFFL || unpackedSize == 0xFFFFFFFFL) {
                return Optional.empty(); // ZIP64: the sizes are elsewhere, and no evidence file needs them
            }
            found.add(new Entry(new String(zip, at + ENTRY_LENGTH, nameLength,
                    (flags & UTF8_FLAG) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), compressedSize, unpackedSize));
            at = next;
        }
        return Optional.of(List.copyOf(found));
    }

    /** The end-of-central-directory record: the last one whose comment ends exactly at the end of the file. */
    private static int findEnd(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_LENGTH - MAX_COMMENT);
        for (int at = zip.length - END_LENGTH; at >= lowest; at--) {
            if (u32(zip, at) == END_SIGNATURE && at + END_LENGTH + u16(zip, at + 20) == zip.length) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
