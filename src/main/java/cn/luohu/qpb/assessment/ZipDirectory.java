package cn.luohu.qpb.assessment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names of the entries of a ZIP file held in memory, read from its central directory alone: nothing
 * is decompressed and nothing is written to disk, so a ZIP bomb costs no more than its own bytes. A file
 * whose directory is damaged, spread over several disks, ZIP64 or unreasonably long has no names.
 */
final class ZipDirectory {

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

    static Optional<List<String>> entryNames(byte[] zip) {
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
        List<String> names = new ArrayList<>(entries);
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
            names.add(new String(zip, at + ENTRY_LENGTH, nameLength,
                    (flags & UTF8_FLAG) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            at = next;
        }
        return Optional.of(List.copyOf(names));
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
