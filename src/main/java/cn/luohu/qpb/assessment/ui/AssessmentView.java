package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.assessment.AssessmentHeader;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSheet;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.EvidenceFile;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.SavedItem;
import cn.luohu.qpb.assessment.SheetDimension;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.assessment.SubmissionGap;
import cn.luohu.qpb.assessment.SubmissionRefusedException;
import cn.luohu.qpb.assessment.TimelineEntry;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.AutosavedEntry;
import cn.luohu.qpb.base.ui.AutosavedTextArea;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.UnsavedChangesDialog;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.ui.IndicatorCard;
import cn.luohu.qpb.standard.ui.ScoreSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One self-assessment. Its secretary fills it in while it is editable: every change is saved at once
 * (no button; see {@link cn.luohu.qpb.base.ui.AutosavedEntry}), the total and star follow live, and a refused
 * value stays marked on its field. A save that another tab overtook is shown on the field and stops this tab
 * from saving until it reloads. Each dimension's cards are built when it is opened (the first is open); the
 * total and the gap list come from every item all the same. Leaving with a refused value asks first.
 * Submitting checks everything and then leaves the form read-only, with its timeline. After a return, the
 * reviewer's reasons are at the top and his comment on each indicator on its card. Reviewers and district
 * staff who may see it read it here.
 */
@Route("assessments/:id")
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class AssessmentView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String SAVED_ELSEWHERE = "assessment.error.saved-elsewhere";

    private final transient AssessmentService assessments;
    private final transient EvidenceService evidence;
    private final transient DisplayZone zone;
    private long id;
    private boolean editable;
    private int assessmentVersion;
    private transient ScoringScheme scheme;
    /** The version of every item as this form last read or saved it. */
    private final Map<Long, Integer> itemVersions = new HashMap<>();
    private final Map<String, IndicatorInput> inputs = new HashMap<>();
    /**
     * Every indicator's code and title by its code, the dimension it is shown in, and the cards built so far (a
     * dimension without cards is not built yet). Nothing more of an item is kept: a dimension reads its items
     * afresh when it is opened.
     */
    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, Details> dimensionOf = new HashMap<>();
    private final Map<String, IndicatorCard> cards = new LinkedHashMap<>();
    private Map<Long, String> reviewComments = Map.of();
    private AutosavedEntry application;
    private Button submit;
    private final StaleGuard guard = new StaleGuard(SAVED_ELSEWHERE, this::showStale);
    private final ScoreSummary summary = new ScoreSummary();
    private final Span saveStatus = new Span();
    private final Div conflict = new Div();
    private final Div gaps = new Div();
    private String title = "";

    public AssessmentView(AssessmentService assessments, EvidenceService evidence, DisplayZone zone) {
        this.assessments = assessments;
        this.evidence = evidence;
        this.zone = zone;
        addClassName("qpb-page");
    }

    public static RouteParameters parameters(long id) {
        return RouteIds.parameters(id);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = RouteIds.id(event);
        load();
    }

    private void load() {
        AssessmentSheet sheet = assessments.sheet(id);
        editable = assessments.isEditableByMe(id);
        AssessmentHeader header = sheet.header();
        assessmentVersion = header.rowVersion();
        scheme = sheet.scheme();
        itemVersions.clear();
        inputs.clear();
        titles.clear();
        dimensionOf.clear();
        cards.clear();
        submit = null;
        guard.reset();
        removeAll();
        title = header.organizationName() + " · " + header.year();

        H2 heading = new H2(getTranslation("assessment.title", String.valueOf(header.year()), header.organizationName()));
        heading.setId("assessment-title");
        Div facts = new AssessmentFacts(header, "assessment-facts");
        saveStatus.setId("save-status");
        saveStatus.addClassName("qpb-hint");
        conflict.setId("save-conflict");
        conflict.addClassName("qpb-notice");
        conflict.setVisible(false);
        gaps.setId("submit-gaps");
        gaps.addClassName("qpb-errors");
        List<TimelineEntry> history = assessments.timeline(id);
        add(heading, facts);
        returnedBecause(header, history).ifPresent(this::add);
        add(summary, saveStatus, conflict);
        if (!editable && header.state().isEditableBySecretary()) {
            add(new Paragraph(getTranslation("assessment.read-only")));
        }
        add(application(header));
        reviewComments = assessments.reviewComments(id);
        List<Details> sections = new ArrayList<>();
        for (SheetDimension dimension : sheet.dimensions()) {
            int position = sections.size();
            Details details = new Details(getTranslation("assessment.dimension", dimension.name(), dimension.items().size()));
            details.setId("dimension-" + position);
            details.addClassName("qpb-dimension");
            details.setWidthFull();
            for (SheetItem item : dimension.items()) {
                String code = item.indicator().code();
                itemVersions.put(item.itemId(), item.rowVersion());
                titles.put(code, code + " " + item.indicator().title());
                dimensionOf.put(code, details);
                if (item.input() != null) {
                    inputs.put(code, item.input());
                }
            }
            details.addOpenedChangeListener(event -> {
                if (event.isOpened() && details.getContent().findAny().isEmpty()) {
                    build(details, assessments.sheet(id).dimensions().get(position));
                }
            });
            sections.add(details);
            add(details);
        }
        if (!sheet.dimensions().isEmpty()) { // the first is open: built from the items just read
            build(sections.getFirst(), sheet.dimensions().getFirst());
            sections.getFirst().setOpened(true);
        }
        recompute();
        if (editable) {
            submit = new SingleClickButton(getTranslation("assessment.submit"), click -> confirmSubmit());
            submit.setId("assessment-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(gaps, submit);
        }
        add(new H3(getTranslation("assessment.timeline")), timeline(history));
    }

    /**
     * Builds a dimension's cards the first time it is opened, from its items as saved now. One that another tab
     * or device saved since this form was loaded makes the form stale, as a refused save would.
     */
    private void build(Details details, SheetDimension dimension) {
        Map<Long, List<EvidenceFile>> files = evidence.listForAssessment(id).stream()
                .collect(Collectors.groupingBy(EvidenceFile::itemId));
        boolean changedElsewhere = false;
        for (SheetItem item : dimension.items()) {
            long itemId = item.itemId();
            String code = item.indicator().code();
            changedElsewhere |= item.rowVersion() != itemVersions.get(itemId);
            IndicatorCard card = new IndicatorCard(item.indicator(), item.input(), item.explanation(), editable && !guard.isStale(),
                    (input, explanation) -> saveItem(itemId, code, input, explanation));
            String comment = reviewComments.get(item.itemId());
            if (comment != null) {
                LabeledValue reviewer = new LabeledValue(getTranslation("assessment.review-comment"), comment);
                reviewer.setId("review-comment-of-" + item.indicator().code());
                reviewer.addClassName("qpb-review-comment");
                card.add(reviewer);
            }
            card.add(new EvidencePanel(evidence, zone, item.itemId(), editable, files.getOrDefault(item.itemId(), List.of())));
            cards.put(item.indicator().code(), card);
            details.add(card);
        }
        if (changedElsewhere) {
            guard.markStale();
        }
    }

    /** Why it came back, at the top where the secretary sees it first: the reviewer's latest return comment. */
    private Optional<Div> returnedBecause(AssessmentHeader header, List<TimelineEntry> history) {
        if (header.state() != AssessmentState.RETURNED) {
            return Optional.empty();
        }
        return SentBackNotice.latestInto(history, AssessmentState.RETURNED).map(move ->
                SentBackNotice.of(move, getTranslation("assessment.returned.title", move.actorName()), "assessment-returned"));
    }

    private Div application(AssessmentHeader header) {
        Select<Integer> star = new Select<>();
        star.setId("applied-star");
        star.setLabel(getTranslation("assessment.field.applied-star"));
        star.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        star.setItemLabelGenerator(s -> getTranslation("star.level", s));
        star.setHelperText(getTranslation("assessment.applied-star.help", header.starAtOpen() + 1));
        star.setValue(header.appliedStar());
        Checkbox direct = new Checkbox(getTranslation("assessment.field.direct-grading"), header.directGrading());
        direct.setId("direct-grading");
        AutosavedTextArea reason = new AutosavedTextArea(getTranslation("assessment.field.direct-grading-reason"));
        reason.setId("direct-grading-reason");
        reason.setWidthFull();
        reason.setValue(header.directGradingReason() == null ? "" : header.directGradingReason());
        reason.setVisible(header.directGrading());
        direct.addValueChangeListener(e -> reason.setVisible(e.getValue()));
        application = new AutosavedEntry(star, reason, AssessmentService.REASON_MAX, key -> key.startsWith("assessment.error.star"),
                () -> saveApplication(star.getValue(), direct.getValue(), reason.getValue()));
        direct.addValueChangeListener(e -> {
            if (e.isFromClient() && (!e.getValue() || !reason.getValue().isBlank())) {
                application.save(direct);
            }
        });
        application.setReadOnly(!editable);
        direct.setReadOnly(!editable);
        Div card = new Div(star, direct, reason);
        card.addClassName("qpb-card");
        card.setId("assessment-application");
        return card;
    }

    /** Saves one item; a refusal is rethrown for its card to mark on the field. */
    private void saveItem(long itemId, String code, IndicatorInput input, String explanation) {
        SavedItem saved = saving(() -> assessments.saveItem(itemId, input, explanation, itemVersions.get(itemId)));
        itemVersions.put(itemId, saved.itemVersion());
        assessmentVersion = saved.assessmentVersion();
        // the items' versions add up to what this form knows of them unless another tab or device saved one
        if (saved.itemsVersion() != itemVersions.values().stream().mapToInt(Integer::intValue).sum()) {
            guard.markStale(); // this save went through, but the form no longer shows what is saved
        }
        if (input == null) {
            inputs.remove(code);
        } else {
            inputs.put(code, input);
        }
        saved();
        recompute();
    }

    private void saveApplication(Integer appliedStar, boolean direct, String reason) {
        assessmentVersion = saving(() -> assessments.saveApplication(id, appliedStar, direct, reason, assessmentVersion));
        saved();
    }

    private void saved() {
        saveStatus.setText(getTranslation("assessment.saved-at",
                LocalTime.now(zone.zone()).format(SAVED_AT)));
    }

    /**
     * Runs a save past the stale guard. A refused one (its field shows why) leaves the status no longer saying
     * saved, and an overtaken one stops every further save in this tab, with a way to reload.
     */
    private <T> T saving(Supplier<T> save) {
        try {
            return guard.save(save);
        } catch (PortalException refused) {
            saveStatus.setText(getTranslation("assessment.not-saved"));
            throw refused;
        }
    }

    /** Another tab or device saved since this form was loaded: it saves nothing more until it reloads. */
    private void showStale(PortalException refused) {
        cards.values().forEach(card -> card.setEditable(false));
        application.setReadOnly(true);
        if (submit != null) {
            submit.setEnabled(false);
        }
        conflict.removeAll();
        Button reload = new Button(getTranslation("assessment.reload"), click -> load());
        reload.setId("conflict-reload");
        conflict.add(new Span(PortalErrorHandler.translate(this, refused)), reload);
        conflict.setVisible(true);
    }

    /** Leaving with a refused value that was never saved asks first (typed text reaches the server before this). */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        boolean unsaved = application != null && application.hasUnsavedValue()
                || cards.values().stream().anyMatch(IndicatorCard::hasUnsavedValue);
        if (unsaved) {
            UnsavedChangesDialog.ask(event);
        }
    }

    private void recompute() {
        summary.show(Scoring.score(scheme, inputs));
    }

    private void confirmSubmit() {
        gaps.removeAll();
        List<SubmissionGap> open = assessments.gaps(id);
        if (!open.isEmpty()) {
            showGaps(open);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("submit-confirm");
        confirm.setHeader(getTranslation("assessment.submit.confirm.title"));
        confirm.setText(getTranslation("assessment.submit.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("assessment.submit"));
        confirm.addConfirmListener(e -> {
            try {
                assessments.submit(id);
            } catch (SubmissionRefusedException refused) {
                showGaps(refused.gaps());
                return;
            } catch (PortalException refused) {
                PortalErrorHandler.showError(UI.getCurrent(), refused);
                return;
            }
            load();
        });
        confirm.open();
    }

    /** Every gap in words; one on an indicator names it and takes her to its card (opening its dimension). */
    private void showGaps(List<SubmissionGap> open) {
        gaps.removeAll();
        gaps.add(new Paragraph(getTranslation("assessment.submit.gaps", open.size())));
        for (SubmissionGap gap : open) {
            String code = gap.indicatorCode();
            if (code == null || !titles.containsKey(code)) {
                gaps.add(new Paragraph(getTranslation(gap.key(), code)));
                continue;
            }
            Button link = new Button(getTranslation(gap.key(), titles.get(code)), click -> showCard(code));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            link.setId("gap-" + gap.key().substring(gap.key().lastIndexOf('.') + 1) + "-" + code);
            link.addClassName("qpb-gap-link");
            gaps.add(new Div(link));
        }
    }

    private void showCard(String code) {
        Details details = dimensionOf.get(code);
        details.setOpened(true);
        cards.get(code).scrollIntoView();
    }

    private AssessmentTimeline timeline(List<TimelineEntry> history) {
        AssessmentTimeline timeline = new AssessmentTimeline(zone);
        timeline.setId("assessment-timeline");
        timeline.show(history);
        return timeline;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
