package cn.luohu.qpb.importing;

import java.util.List;

/**
 * What an import wrote. For users it carries their one-time passwords: the screen offers them once as a
 * file and then drops this object; they are stored nowhere else (the database keeps only hashes).
 */
public record ImportResult(ImportKind kind, String fileName, int created, List<IssuedPassword> passwords) {

    public ImportResult {
        passwords = List.copyOf(passwords);
    }

    @Override
    public String toString() {
        return "ImportResult[" + kind + ", " + fileName + ", created " + created + "]";
    }
}
