package cn.luohu.qpb.organization;

import java.util.ArrayList;
import java.util.List;

/**
 * The editable fields of an existing organisation. Its kind and place in the tree change only by a move;
 * {@code version} is the one the editor loaded, so a concurrent edit is refused instead of overwritten.
 */
public record OrganizationChanges(String code, Category category, RegionalSystem regionalSystem, String name,
                                  String shortName, String secretaryName, int memberCount, String contact,
                                  int version) {

    /** The same field rules as for a new organisation of this kind. */
    List<String> fieldProblems(OrgKind kind) {
        return new ArrayList<>(new NewOrganization(code, null, kind, category, regionalSystem, name, shortName,
                secretaryName, memberCount, contact).fieldProblems());
    }
}
