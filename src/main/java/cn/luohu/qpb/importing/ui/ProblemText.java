package cn.luohu.qpb.importing.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.importing.ImportColumn;
import cn.luohu.qpb.importing.ImportProblem;
import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Problems of an import in the user's words: kinds, roles and columns by their translated names. */
final class ProblemText {

    private ProblemText() {
    }

    /** "上级组织编码：找不到上级组织 X…", or the bare message for a problem of the whole row or file. */
    static String of(Component component, ImportProblem problem) {
        Object[] arguments = problem.arguments().stream().map(argument -> argument(component, argument)).toArray();
        String message = component.getTranslation(problem.messageKey(), arguments);
        if (problem.column() == null) {
            return message;
        }
        return component.getTranslation("import.problem.in-column",
                component.getTranslation(problem.column().titleKey()), message);
    }

    static String all(Component component, List<ImportProblem> problems) {
        return problems.stream().map(problem -> of(component, problem)).collect(Collectors.joining("；"));
    }

    private static Object argument(Component component, Object argument) {
        return switch (argument) {
            case OrgKind kind -> Labels.of(component, "org.kind", kind);
            case Category category -> Labels.of(component, "org.category", category);
            case RegionalSystem region -> Labels.of(component, "org.region", region);
            case Role role -> Labels.of(component, "role", role);
            case PortalException.Key key -> component.getTranslation(key.key());
            case ImportColumn column -> component.getTranslation(column.titleKey());
            case List<?> list -> list.stream().map(item -> String.valueOf(argument(component, item)))
                    .collect(Collectors.joining(separator(component)));
            case null -> "";
            default -> argument;
        };
    }

    private static String separator(Component component) {
        UI ui = component.getUI().orElse(UI.getCurrent());
        Locale locale = ui == null ? null : ui.getLocale();
        return locale != null && "en".equals(locale.getLanguage()) ? ", " : "、";
    }
}
