package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.ApprovalCase;
import cn.luohu.qpb.assessment.ApprovalService;
import cn.luohu.qpb.assessment.AssessmentHeader;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.ReviewEntry;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.assessment.ReviewSheet;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.ui.ScoreSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.stream.IntStream;

/**
 * One recommendation before district staff: the facts, the self and review score of every indicator side
 * by side (the evidence one click away in the row's details), the review total, then the decision:
 * approve at the recommended star or a lower one (deciding a direct-grading request explicitly), or
 * reject it back to the reviewer with a comment. Its whole timeline is below.
 */
@Route("approvals/:id")
@RolesAllowed(Role.Names.APPROVER)
public class ApprovalView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ApprovalService approvals;
    private final transient AssessmentService assessments;
    private final transient EvidenceService evidence;
    private final transient DisplayZone zone;
    private long id;
    private String title = "";

    public ApprovalView(ApprovalService approvals, AssessmentService assessments, EvidenceService evidence, DisplayZone zone) {
        this.approvals = approvals;
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
        ApprovalCase decision = approvals.approvalCase(id);
        ReviewSheet sheet = approvals.sheet(id);
        AssessmentHeader header = sheet.sheet().header();
        removeAll();
        title = header.organizationName() + " · " + header.year();
        H2 heading = new H2(getTranslation("approval.title", String.valueOf(header.year()), header.organizationName()));
        heading.setId("approval-title");
        add(heading, new AssessmentFacts(header, "approval-facts"), outcome(decision));
        if (decision.directGradingRequested()) {
            Div request = new Div(new LabeledValue(getTranslation("approval.direct-grading.request"),
                    decision.directGradingReason() == null ? "" : decision.directGradingReason()));
            request.setId("approval-direct-request");
            request.addClassName("qpb-card");
            add(request);
        }
        if (decision.state() == AssessmentState.RECOMMENDED && decision.reviewedByCaller()) {
            // four-eyes: say it here, rather than offering buttons whose dialogs end in a refusal
            Paragraph barred = new Paragraph(getTranslation("approval.own-review.page"));
            barred.setId("approval-own-review");
            barred.addClassName("qpb-notice");
            add(barred);
        } else if (decision.state() == AssessmentState.RECOMMENDED) {
            Button approve = new Button(getTranslation("approval.approve"), click -> openApprove(decision));
            approve.setId("approval-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button(getTranslation("approval.reject"), click -> openReject());
            reject.setId("approval-reject");
            add(new HorizontalLayout(reject, approve));
        }
        ScoreSummary review = new ScoreSummary();
        review.setId("approval-review-summary");
        add(new H3(getTranslation("review.total")), review);
        if (sheet.sheet().items().isEmpty()) { // a standard without indicators cannot be scored
            review.showEmpty();
        } else {
            ScoringResult reviewScore = sheet.reviewScore();
            review.show(reviewScore);
            add(new H3(getTranslation("approval.items")), items(sheet, reviewScore));
        }
        AssessmentTimeline timeline = new AssessmentTimeline(zone);
        timeline.setId("approval-timeline");
        timeline.show(assessments.timeline(id));
        add(new H3(getTranslation("assessment.timeline")), timeline);
    }

    /** The review's outcome and where the decision stands. */
    private Div outcome(ApprovalCase decision) {
        Div card = new Div(
                new LabeledValue(getTranslation("approval.column.reviewer"), decision.reviewerName() == null ? "" : decision.reviewerName()),
                new LabeledValue(getTranslation("approval.column.review-total"),
                        decision.reviewTotal() == null ? "" : decision.reviewTotal().stripTrailingZeros().toPlainString()),
                new LabeledValue(getTranslation("approval.column.recommended"),
                        decision.recommendedStar() == null ? "" : getTranslation("star.level", decision.recommendedStar())));
        if (decision.approvedStar() != null && decision.state() != AssessmentState.RECOMMENDED) {
            card.add(new LabeledValue(getTranslation("approval.column.approved"), getTranslation("star.level", decision.approvedStar())));
            if (decision.directGradingGranted() != null) {
                card.add(new LabeledValue(getTranslation("approval.direct-grading.decision"), getTranslation(
                        decision.directGradingGranted() ? "approval.direct-grading.grant" : "approval.direct-grading.refuse")));
            }
        }
        card.setId("approval-outcome");
        card.addClassName("qpb-card");
        return card;
    }

    /** Every indicator: self points beside review points and comment; the details row shows the evidence. */
    private Grid<SheetItem> items(ReviewSheet sheet, ScoringResult reviewScore) {
        ScoringResult selfScore = sheet.sheet().score();
        Grid<SheetItem> grid = new Grid<>();
        grid.setId("approval-items");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> i.indicator().code()).setHeader(getTranslation("approval.item.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.indicator().title()).setHeader(getTranslation("approval.item.title")).setFlexGrow(2);
        grid.addColumn(i -> points(selfScore, i)).setHeader(getTranslation("approval.item.self")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> points(reviewScore, i)).setHeader(getTranslation("approval.item.review")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> {
            ReviewEntry entry = sheet.entry(i.itemId());
            return entry == null || entry.comment() == null ? "" : entry.comment();
        }).setHeader(getTranslation("review.comment")).setFlexGrow(2);
        grid.addColumn(SheetItem::evidenceCount).setHeader(getTranslation("approval.item.evidence")).setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(
                item -> new EvidencePanel(evidence, zone, item.itemId(), false)));
        grid.setItems(sheet.sheet().items());
        return grid;
    }

    private static String points(ScoringResult result, SheetItem item) {
        BigDecimal points = result.indicatorScores().get(item.indicator().code());
        return points == null ? "" : points.stripTrailingZeros().toPlainString();
    }

    private void openApprove(ApprovalCase decision) {
        Dialog dialog = new Dialog(getTranslation("approval.approve.title"));
        dialog.setId("approval-approve-dialog");
        RadioButtonGroup<Boolean> grant = new RadioButtonGroup<>(getTranslation("approval.direct-grading.decision"));
        grant.setId("approval-grant");
        grant.setItems(true, false);
        grant.setItemLabelGenerator(g -> getTranslation(g ? "approval.direct-grading.grant" : "approval.direct-grading.refuse"));
        grant.setVisible(decision.directGradingRequested());
        Select<Integer> star = new Select<>();
        star.setId("approval-star");
        star.setLabel(getTranslation("approval.star"));
        star.setItemLabelGenerator(s -> getTranslation("star.level", s));
        Runnable limitStars = () -> {
            int max = decision.maxApprovable(Boolean.TRUE.equals(grant.getValue()));
            star.setItems(IntStream.rangeClosed(0, max).boxed().toList());
            star.setValue(max);
            star.setHelperText(getTranslation("approval.star.help", max));
        };
        limitStars.run();
        grant.addValueChangeListener(e -> limitStars.run());
        TextArea comment = new TextArea(getTranslation("approval.comment"));
        comment.setId("approval-comment");
        TextLimit limit = TextLimit.on(comment, ReviewService.COMMENT_MAX);
        comment.setWidthFull();
        Button next = new SingleClickButton(getTranslation("approval.approve"), click -> {
            if (star.getValue() == null || !limit.accepts()) {
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("approval-approve-confirm");
            confirm.setHeader(getTranslation("approval.approve.confirm.title"));
            confirm.setText(getTranslation("approval.approve.confirm.text", star.getValue()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("approval.approve"));
            confirm.addConfirmListener(e -> {
                if (act(() -> approvals.approve(id, star.getValue(), grant.getValue(), comment.getValue()), "approval.approved")) {
                    dialog.close();
                }
            });
            confirm.open();
        });
        next.setId("approval-approve-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(new VerticalLayout(grant, star, comment));
        dialog.getFooter().add(cancel, next);
        dialog.open();
    }

    private void openReject() {
        new CommentDialog("approval-reject", "approval.reject.title", "approval.reject.comment", "approval.reject.comment-required",
                "approval.reject", comment -> act(() -> approvals.reject(id, comment), "approval.rejected")).open();
    }

    /** Runs a decision; a refusal is shown in words, success is confirmed and the page reloaded. */
    private boolean act(Runnable decision, String doneKey) {
        try {
            decision.run();
        } catch (PortalException refused) {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
            return false;
        }
        SuccessToast.show(getTranslation(doneKey), "approval-done");
        load();
        return true;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
