package cn.luohu.qpb.organization.ui;

import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import cn.luohu.qpb.organization.StarHistoryEntry;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;

/** An organisation's star history, newest first, with dates in the user's zone. */
public class StarHistoryGrid extends Grid<StarHistoryEntry> {

    public StarHistoryGrid(List<StarHistoryEntry> history, DisplayZone zone) {
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        addColumn(e -> zone.fromUtc(e.changedAt()).toLocalDate().toString()).setHeader(getTranslation("history.date"))
                .setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(e -> new Stars(e.fromStar())).setHeader(getTranslation("history.from"))
                .setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(e -> new Stars(e.toStar())).setHeader(getTranslation("history.to"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(e -> Labels.of(this, "history.kind", e.kind())).setHeader(getTranslation("history.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(StarHistoryEntry::reason).setHeader(getTranslation("history.reason")).setAutoWidth(true);
        setItems(history);
    }
}
