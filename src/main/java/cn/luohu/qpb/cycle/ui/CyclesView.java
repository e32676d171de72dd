package cn.luohu.qpb.cycle.ui;

import cn.luohu.qpb.base.BackgroundJobs;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.cycle.CycleService;
import cn.luohu.qpb.cycle.CycleStatus;
import cn.luohu.qpb.cycle.CycleSummary;
import cn.luohu.qpb.cycle.MissingStandard;
import cn.luohu.qpb.cycle.MissingStandardsException;
import cn.luohu.qpb.cycle.OpenPlan;
import cn.luohu.qpb.cycle.OpenProgress;
import cn.luohu.qpb.cycle.OpenResult;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The yearly cycles (年度星级评定) for district staff: one row a year; set one up or change it while it
 * is planned, open it (after a confirmation that says what it will make; the opening runs in the
 * background with a progress bar while the page polls), close it, or delete one that was never opened.
 */
@Route(CyclesView.ROUTE)
@RolesAllowed(Role.Names.APPROVER)
@Menu(title = "nav.cycles", order = 50, icon = "vaadin:calendar")
public class CyclesView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "cycles";
    private static final int POLL_MILLIS = 500;

    private final transient CycleService cycles;
    private final transient BackgroundJobs jobs;
    private final Button create;
    private final Grid<CycleSummary> grid = new Grid<>();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div refusal = new Div();
    private transient CompletableFuture<?> task = CompletableFuture.completedFuture(null);
    private boolean busy;

    public CyclesView(CycleService cycles, BackgroundJobs jobs) {
        this.cycles = cycles;
        this.jobs = jobs;
        addClassName("qpb-page");
        setSizeFull();
        create = new Button(getTranslation("cycle.action.create"), VaadinIcon.PLUS.create(),
                click -> new CycleEditorDialog(cycles, null, this::saved).open());
        create.setId("cycle-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout actions = new FlexLayout(create);
        actions.addClassName("qpb-filters");
        Paragraph intro = new Paragraph(getTranslation("cycle.intro"));
        intro.addClassName("qpb-hint");

        progressBar.setId("cycle-open-progress");
        progressText.setId("cycle-open-progress-text");
        refusal.setId("cycle-refusal");
        refusal.addClassName("qpb-errors");

        grid.setId("cycle-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(CycleSummary::year).setHeader(getTranslation("cycle.field.year")).setKey("year").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CycleSummary::name).setHeader(getTranslation("cycle.field.name")).setKey("name").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(c -> Labels.of(this, "cycle.status", c.status())).setHeader(getTranslation("cycle.field.status"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(c -> c.selfDeadline().toString()).setHeader(getTranslation("cycle.field.self-deadline")).setKey("self").setAutoWidth(true);
        grid.addColumn(c -> c.reviewDeadline().toString()).setHeader(getTranslation("cycle.field.review-deadline")).setKey("review").setAutoWidth(true);
        grid.addColumn(c -> c.approvalDeadline().toString()).setHeader(getTranslation("cycle.field.approval-deadline")).setKey("approval").setAutoWidth(true);
        grid.addColumn(CycleSummary::assessments).setHeader(getTranslation("cycle.field.assessments")).setKey("assessments")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(this::rowActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addItemDoubleClickListener(click -> openOverview(click.getItem()));
        grid.setSizeFull();
        add(new H2(getTranslation("nav.cycles")), intro, actions, progressBar, progressText, refusal, grid);
        setBusy(false);
        refusal.setVisible(false);
        refresh();
    }

    /**
     * The running (or last) opening. It completes (never exceptionally) once its outcome has been handed
     * to {@link UI#access}, so a test can wait for it and then let the UI run the queued update.
     */
    CompletableFuture<?> task() {
        return task;
    }

    private MenuBar rowActions(CycleSummary cycle) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addItem(getTranslation("cycle.action.overview"), click -> openOverview(cycle)).setId("cycle-overview-" + cycle.id());
        if (cycle.status() == CycleStatus.PLANNED) {
            menu.addItem(getTranslation("cycle.action.edit"), click -> new CycleEditorDialog(cycles, cycles.get(cycle.id()),
                    this::saved).open()).setId("cycle-edit-" + cycle.id());
            MenuItem open = menu.addItem(getTranslation("cycle.action.open"), click -> askToOpen(cycle));
            open.setId("cycle-open-" + cycle.id());
            open.setEnabled(!busy);
            menu.addItem(getTranslation("cycle.action.delete"), click -> askToDelete(cycle)).setId("cycle-delete-" + cycle.id());
        } else if (cycle.status() == CycleStatus.OPEN) {
            menu.addItem(getTranslation("cycle.action.close"), click -> askToClose(cycle)).setId("cycle-close-" + cycle.id());
        }
        return menu;
    }

    private void openOverview(CycleSummary cycle) {
        UI.getCurrent().navigate(CycleOverviewView.class, CycleOverviewView.parameters(cycle.id()));
    }

    private void saved(long id) {
        refresh();
        notify(getTranslation("cycle.saved", cycles.get(id).name()));
    }

    private void askToOpen(CycleSummary cycle) {
        refusal.setVisible(false);
        OpenPlan plan;
        try {
            plan = cycles.openPlan(cycle.id());
        } catch (PortalException refused) {
            showRefusal(PortalErrorHandler.translate(this, refused));
            return;
        }
        if (!plan.openable()) {
            showMissing(plan.missing());
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("cycle-open-confirm");
        dialog.setHeader(getTranslation("cycle.open.title", cycle.name()));
        dialog.setText(getTranslation("cycle.open.text", plan.organizations(), plan.items()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("cycle.action.open"));
        dialog.addConfirmListener(event -> startOpening(cycle));
        dialog.open();
    }

    /** Opens in the background as the current user; progress and the outcome come back through {@link UI#access}. */
    private void startOpening(CycleSummary cycle) {
        if (busy) {
            return;
        }
        UI ui = UI.getCurrent();
        setBusy(true);
        refresh();
        ProgressRelay relay = new ProgressRelay(ui);
        ui.setPollInterval(POLL_MILLIS);
        task = jobs.start(() -> cycles.open(cycle.id(), relay)).handle((result, error) -> ui.access(() -> {
            ui.setPollInterval(-1);
            setBusy(false);
            refresh();
            if (error != null) {
                opened(cycle, null, error instanceof CompletionException ? error.getCause() : error);
            } else {
                opened(cycle, result, null);
            }
        }));
    }

    private void opened(CycleSummary cycle, OpenResult result, Throwable error) {
        if (error instanceof MissingStandardsException missing) {
            showMissing(missing.missing());
        } else if (error instanceof PortalException refused) {
            showRefusal(PortalErrorHandler.translate(this, refused));
        } else if (error != null) {
            PortalErrorHandler.showError(UI.getCurrent(), error);
        } else {
            notify(getTranslation("cycle.opened", cycle.name(), result.assessments(), result.items()));
        }
    }

    private void showMissing(List<MissingStandard> missing) {
        refusal.removeAll();
        refusal.add(new Paragraph(getTranslation("cycle.error.missing-standards",
                missing.stream().mapToInt(MissingStandard::organizations).sum())));
        for (MissingStandard m : missing) {
            String category = m.category() == null ? getTranslation("cycle.category.none") : Labels.of(this, "org.category", m.category());
            refusal.add(new Paragraph(getTranslation("cycle.missing.line", category, m.organizations())));
        }
        refusal.setVisible(true);
    }

    private void showRefusal(String message) {
        refusal.removeAll();
        refusal.add(new Paragraph(message));
        refusal.setVisible(true);
    }

    private void askToClose(CycleSummary cycle) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("cycle-close-confirm");
        dialog.setHeader(getTranslation("cycle.close.title", cycle.name()));
        dialog.setText(getTranslation("cycle.close.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("cycle.action.close"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> act(() -> cycles.close(cycle.id()), getTranslation("cycle.closed", cycle.name())));
        dialog.open();
    }

    private void askToDelete(CycleSummary cycle) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("cycle-delete-confirm");
        dialog.setHeader(getTranslation("cycle.delete.title", cycle.name()));
        dialog.setText(getTranslation("cycle.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("cycle.action.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> act(() -> cycles.delete(cycle.id()), getTranslation("cycle.deleted", cycle.name())));
        dialog.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            notify(done);
        } catch (PortalException refused) {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
        }
        refresh();
    }

    private void notify(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void setBusy(boolean running) {
        busy = running;
        create.setEnabled(!running);
        progressBar.setVisible(running);
        progressText.setVisible(running);
        if (running) {
            progressBar.setIndeterminate(true);
            progressText.setText(getTranslation("cycle.open.starting"));
        }
    }

    private void refresh() {
        grid.setItems(cycles.list()); // one cycle a year: a short list
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cycles") + " · " + getTranslation("app.title");
    }

    /** Carries progress from the background thread to the screen, at most a few times a second. */
    private final class ProgressRelay implements OpenProgress {

        private static final long MIN_GAP_NANOS = 200_000_000L;
        private final UI ui;
        private long lastNanos;

        ProgressRelay(UI ui) {
            this.ui = ui;
        }

        @Override
        public synchronized void report(int done, int total) {
            long now = System.nanoTime();
            if (now - lastNanos < MIN_GAP_NANOS && done != total && done != 0) {
                return;
            }
            lastNanos = now;
            ui.access(() -> {
                progressBar.setIndeterminate(total <= 0);
                if (total > 0) {
                    progressBar.setValue(Math.min(1.0, (double) done / total));
                }
                progressText.setText(getTranslation("cycle.open.progress", done, total));
            });
        }
    }
}
