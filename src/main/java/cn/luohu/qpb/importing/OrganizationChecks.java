package cn.luohu.qpb.importing;

import cn.luohu.qpb.importing.ImportRepository.ExistingOrganization;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.NewOrganization;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.luohu.qpb.importing.ImportColumn.ORG_CATEGORY;
import static cn.luohu.qpb.importing.ImportColumn.ORG_CODE;
import static cn.luohu.qpb.importing.ImportColumn.ORG_CONTACT;
import static cn.luohu.qpb.importing.ImportColumn.ORG_KIND;
import static cn.luohu.qpb.importing.ImportColumn.ORG_MEMBERS;
import static cn.luohu.qpb.importing.ImportColumn.ORG_NAME;
import static cn.luohu.qpb.importing.ImportColumn.ORG_PARENT_CODE;
import static cn.luohu.qpb.importing.ImportColumn.ORG_REGIONAL_SYSTEM;
import static cn.luohu.qpb.importing.ImportColumn.ORG_SECRETARY;
import static cn.luohu.qpb.importing.ImportColumn.ORG_SHORT_NAME;

/**
 * Checks the rows of an organisations file. Field rules are {@link NewOrganization#fieldProblems()}, parent
 * kinds are {@link OrgKind#mayHaveParent(OrgKind)}: called here, never restated. What only the whole file
 * or the database can tell (duplicate codes, unknown parents) is checked here, with the stored
 * organisations looked up in one set-based query.
 */
final class OrganizationChecks {

    /** Which column each field-rule key of {@link NewOrganization#fieldProblems()} is about. */
    private static final Map<String, ImportColumn> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("org.error.code-", ORG_CODE),
            Map.entry("org.error.kind-", ORG_KIND),
            Map.entry("org.error.category-", ORG_CATEGORY),
            Map.entry("org.error.name-", ORG_NAME),
            Map.entry("org.error.short-name-", ORG_SHORT_NAME),
            Map.entry("org.error.secretary-", ORG_SECRETARY),
            Map.entry("org.error.contact-", ORG_CONTACT),
            Map.entry("org.error.members-", ORG_MEMBERS));

    private final ImportVocabulary vocabulary;
    private final ImportRepository repository;

    OrganizationChecks(ImportVocabulary vocabulary, ImportRepository repository) {
        this.vocabulary = vocabulary;
        this.repository = repository;
    }

    CheckedRows check(RawSheet sheet, Map<ImportColumn, Integer> index, ImportProgress progress) {
        int total = sheet.rows().size();
        List<RowCells> cells = new ArrayList<>(total);
        List<NewOrganization> orgs = new ArrayList<>(total);
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        Map<String, OrgKind> kindInFile = new HashMap<>();
        List<String> referenced = new ArrayList<>();
        for (RawSheet.Row row : sheet.rows()) {
            RowCells cell = new RowCells(ImportKind.ORGANIZATIONS, row, index);
            NewOrganization org = fields(cell);
            cells.add(cell);
            orgs.add(org);
            if (!org.code().isEmpty()) {
                String key = ImportRepository.key(org.code());
                firstRowOfCode.putIfAbsent(key, row.number());
                if (org.kind() != null) {
                    kindInFile.putIfAbsent(key, org.kind());
                }
                referenced.add(org.code());
            }
            if (org.parentCode() != null) {
                referenced.add(org.parentCode());
            }
        }
        Map<String, ExistingOrganization> stored = repository.organizations(referenced);
        Map<String, String> codeInFile = new HashMap<>();
        for (NewOrganization org : orgs) {
            codeInFile.putIfAbsent(ImportRepository.key(org.code()), org.code());
        }
        for (int i = 0; i < total; i++) {
            NewOrganization org = orgs.get(i);
            tree(cells.get(i), org, firstRowOfCode, kindInFile, stored);
            if (org.parentCode() != null) {
                // codes compare case-insensitively (as in the database): hand over the parent's own spelling
                String parentKey = ImportRepository.key(org.parentCode());
                String canonical = stored.containsKey(parentKey) ? stored.get(parentKey).code()
                        : codeInFile.getOrDefault(parentKey, org.parentCode());
                orgs.set(i, withParent(org, canonical));
            }
            if ((i + 1) % 1_000 == 0) {
                progress.report(ImportPhase.CHECKING, i + 1, total);
            }
        }
        progress.report(ImportPhase.CHECKING, total, total);
        return new CheckedRows(cells.stream().map(RowCells::toPreview).toList(), orgs, List.of(), Map.of());
    }

    /** The row as a {@link NewOrganization}, with the problems of its own cells. */
    private NewOrganization fields(RowCells cell) {
        OrgKind kind = choice(cell, ORG_KIND, vocabulary::kind, "import.error.bad-kind");
        Category category = choice(cell, ORG_CATEGORY, vocabulary::category, "import.error.bad-category");
        RegionalSystem region = choice(cell, ORG_REGIONAL_SYSTEM, vocabulary::region, "import.error.bad-region");
        int members = 0;
        String memberText = cell.get(ORG_MEMBERS);
        if (!memberText.isEmpty()) {
            try {
                members = Numbers.wholeNumber(memberText);
            } catch (NumberFormatException e) {
                cell.problem(ORG_MEMBERS, "import.error.bad-number", memberText);
            }
        }
        NewOrganization org = new NewOrganization(cell.get(ORG_CODE), cell.orNull(ORG_PARENT_CODE), kind, category,
                region, cell.get(ORG_NAME), cell.orNull(ORG_SHORT_NAME), cell.orNull(ORG_SECRETARY), members,
                cell.orNull(ORG_CONTACT));
        for (String key : org.fieldProblems()) {
            ImportColumn column = columnOf(key);
            if (column == null || !cell.hasProblem(column)) { // a bad kind is not also reported as missing
                cell.problem(column, key);
            }
        }
        return org;
    }

    private void tree(RowCells cell, NewOrganization org, Map<String, Integer> firstRowOfCode,
                      Map<String, OrgKind> kindInFile, Map<String, ExistingOrganization> stored) {
        if (!org.code().isEmpty()) {
            String key = ImportRepository.key(org.code());
            if (stored.containsKey(key)) {
                cell.problem(ORG_CODE, "org.error.code-taken", org.code());
            }
            int first = firstRowOfCode.get(key);
            if (first != cell.number()) {
                cell.problem(ORG_CODE, "import.error.code-duplicate", org.code(), first);
            }
        }
        if (org.parentCode() == null) {
            // every imported organisation hangs under one: the district committee, the root, exists already
            cell.problem(ORG_PARENT_CODE, "import.error.parent-required");
            return;
        }
        String parentKey = ImportRepository.key(org.parentCode());
        ExistingOrganization storedParent = stored.get(parentKey);
        OrgKind parentKind;
        if (kindInFile.containsKey(parentKey)) {
            parentKind = kindInFile.get(parentKey);
        } else if (storedParent != null) {
            parentKind = storedParent.kind();
            if (!storedParent.active()) {
                cell.problem(ORG_PARENT_CODE, "import.error.parent-inactive", org.parentCode());
            }
        } else if (firstRowOfCode.containsKey(parentKey)) {
            parentKind = null; // in the file, but its own kind is wrong: that row says so
        } else {
            cell.problem(ORG_PARENT_CODE, "import.error.parent-unknown", org.parentCode());
            return;
        }
        if (org.kind() != null && parentKind != null && !org.kind().mayHaveParent(parentKind)) {
            cell.problem(ORG_PARENT_CODE, "org.error.wrong-parent-kind", org.kind(), parentKind);
        }
    }

    private static NewOrganization withParent(NewOrganization org, String parentCode) {
        return parentCode.equals(org.parentCode()) ? org : new NewOrganization(org.code(), parentCode, org.kind(),
                org.category(), org.regionalSystem(), org.name(), org.shortName(), org.secretaryName(),
                org.memberCount(), org.contact());
    }

    private static <T> T choice(RowCells cell, ImportColumn column, java.util.function.Function<String,
            java.util.Optional<T>> lookup, String problemKey) {
        String text = cell.get(column);
        if (text.isEmpty()) {
            return null;
        }
        java.util.Optional<T> value = lookup.apply(text);
        if (value.isEmpty()) {
            cell.problem(column, problemKey, text);
        }
        return value.orElse(null);
    }

    static ImportColumn columnOf(String fieldProblemKey) {
        return FIELD_COLUMNS.entrySet().stream()
                .filter(entry -> fieldProblemKey.startsWith(entry.getKey()))
                .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }
}
