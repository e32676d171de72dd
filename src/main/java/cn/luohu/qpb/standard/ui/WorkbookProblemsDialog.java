package cn.luohu.qpb.standard.ui;

import cn.luohu.qpb.standard.StandardWorkbook;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;

import java.util.List;

/** Why a standards workbook could not be imported: every problem, with the sheet, row and column. */
class WorkbookProblemsDialog extends Dialog {

    WorkbookProblemsDialog(String fileName, List<StandardWorkbook.Problem> problems) {
        setId("workbook-problems");
        setHeaderTitle(getTranslation("standard.import.refused", fileName));
        setWidth("min(56rem, 100vw)");
        Grid<StandardWorkbook.Problem> grid = new Grid<>();
        grid.setId("workbook-problems-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StandardWorkbook.Problem::sheet).setHeader(getTranslation("standard.import.sheet")).setAutoWidth(true);
        grid.addColumn(p -> p.row() == 0 ? "" : String.valueOf(p.row())).setHeader(getTranslation("standard.import.row"))
                .setAutoWidth(true);
        grid.addColumn(StandardWorkbook.Problem::column).setHeader(getTranslation("standard.import.column")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.key(), p.args())).setHeader(getTranslation("standard.import.problem"))
                .setFlexGrow(3);
        grid.setItems(problems);
        grid.setAllRowsVisible(problems.size() <= 12);
        add(new Paragraph(getTranslation("standard.import.fix-and-retry")), grid);
        getFooter().add(new Button(getTranslation("action.close"), click -> close()));
    }
}
