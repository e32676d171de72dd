package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.assessment.AssessmentHeader;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentSheet;
import cn.luohu.qpb.assessment.EvidenceFile;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.SavedItem;
import cn.luohu.qpb.assessment.SheetDimension;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.assessment.SubmissionGap;
import cn.luohu.qpb.assessment.SubmissionRefusedException;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.ui.IndicatorCard;
import cn.luohu.qpb.standard.ui.ScoreSummary;
import cn.luohu.qpb.assessment.TimelineEntry;
import cn.luohu.qpb.assessment.AssessmentState;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One self-assessment. Its secretary fills it in while it is editable: every change is saved at once
 * (no button), the total and star follow live, and a save that another tab overtook is refused with a
 * way to reload. Submitting checks everything and then leaves the form read-only, with its timeline.
 * Reviewers and district staff who may see it read it here.
 */
@Route("assessments/:id")
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class AssessmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final transient AssessmentService assessments;
    private final transient EvidenceService evidence;
    private final transient DisplayZone zone;
    private long id;
    private boolean editable;
    private int assessmentVersion;
    private transient ScoringScheme scheme;
    private final Map<Long, Integer> itemVersions = new HashMap<>();
    private final Map<String, IndicatorInput> inputs = new HashMap<>();
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
        Map<Long, List<EvidenceFile>> files = evidence.listForAssessment(id).stream()
                .collect(Collectors.groupingBy(EvidenceFile::itemId));
        for (SheetDimension dimension : sheet.dimensions()) {
            add(new H3(dimension.name()));
            for (SheetItem item : dimension.items()) {
                itemVersions.put(item.itemId(), item.rowVersion());
                if (item.input() != null) {
                    inputs.put(item.indicator().code(), item.input());
                }
                IndicatorCard card = new IndicatorCard(item.indicator(), item.input(), item.explanation(), editable,
                        (input, explanation) -> saveItem(item, input, explanation));
                card.add(new EvidencePanel(evidence, zone, item.itemId(), editable, files.getOrDefault(item.itemId(), List.of())));
                add(card);
            }
        }
        recompute();
        if (editable) {
            Button submit = new SingleClickButton(getTranslation("assessment.submit"), click -> confirmSubmit());
            submit.setId("assessment-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(gaps, submit);
        }
        add(new H3(getTranslation("assessment.timeline")), timeline(history));
    }

    /** Why it came back, at the top where the secretary sees it first: the reviewer's latest return comment. */
    private Optional<Div> returnedBecause(AssessmentHeader header, List<TimelineEntry> history) {
        if (header.state() != AssessmentState.RETURNED) {
            return Optional.empty();
        }
        return history.stream().filter(TimelineEntry.Move.class::isInstance).map(TimelineEntry.Move.class::cast)
                .filter(move -> move.to() == AssessmentState.RETURNED).reduce((first, second) -> second)
                .map(move -> {
                    Div notice = new Div(new Span(getTranslation("assessment.returned.title", move.actorName())),
                            new Paragraph(move.comment() == null ? "" : move.comment()));
                    notice.setId("assessment-returned");
                    notice.addClassName("qpb-notice");
                    return notice;
                });
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
        TextArea reason = new TextArea(getTranslation("assessment.field.direct-grading-reason"));
        reason.setId("direct-grading-reason");
        reason.setMaxLength(AssessmentService.REASON_MAX);
        reason.setWidthFull();
        reason.setValue(header.directGradingReason() == null ? "" : header.directGradingReason());
        reason.setVisible(header.directGrading());
        reason.setValueChangeMode(ValueChangeMode.TIMEOUT);
        reason.setValueChangeTimeout(1200);
        direct.addValueChangeListener(e -> reason.setVisible(e.getValue()));
        Runnable save = () -> saveApplication(star.getValue(), direct.getValue(), reason.getValue());
        star.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        direct.addValueChangeListener(e -> {
            if (e.isFromClient() && (!e.getValue() || !reason.getValue().isBlank())) {
                save.run();
            }
        });
        reason.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save.run();
            }
        });
        star.setReadOnly(!editable);
        direct.setReadOnly(!editable);
        reason.setReadOnly(!editable);
        Div card = new Div(star, direct, reason);
        card.addClassName("qpb-card");
        card.setId("assessment-application");
        return card;
    }

    private void saveItem(SheetItem item, IndicatorInput input, String explanation) {
        try {
            SavedItem saved = assessments.saveItem(item.itemId(), input, explanation, itemVersions.get(item.itemId()));
            itemVersions.put(item.itemId(), saved.itemVersion());
            assessmentVersion = saved.assessmentVersion();
        } catch (PortalException refused) {
            refusedSave(refused);
            return;
        }
        if (input == null) {
            inputs.remove(item.indicator().code());
        } else {
            inputs.put(item.indicator().code(), input);
        }
        saved();
        recompute();
    }

    private void saveApplication(Integer appliedStar, boolean direct, String reason) {
        try {
            assessmentVersion = assessments.saveApplication(id, appliedStar, direct, reason, assessmentVersion);
        } catch (PortalException refused) {
            refusedSave(refused);
            return;
        }
        saved();
    }

    private void saved() {
        saveStatus.setText(getTranslation("assessment.saved-at",
                LocalTime.now(zone.zone()).format(SAVED_AT)));
    }

    /** A refused save: an overtaken one offers a reload, anything else says why. */
    private void refusedSave(PortalException refused) {
        if ("assessment.error.saved-elsewhere".equals(refused.messageKey())) {
            conflict.removeAll();
            Button reload = new Button(getTranslation("assessment.reload"), click -> load());
            reload.setId("conflict-reload");
            conflict.add(new Span(PortalErrorHandler.translate(this, refused)), reload);
            conflict.setVisible(true);
        } else {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
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

    private void showGaps(List<SubmissionGap> open) {
        gaps.removeAll();
        gaps.add(new Paragraph(getTranslation("assessment.submit.gaps", open.size())));
        open.forEach(gap -> gaps.add(new Paragraph(getTranslation(gap.key(), gap.indicatorCode()))));
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
