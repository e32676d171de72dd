package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentHeader;
import cn.luohu.qpb.assessment.AssessmentService;
import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.EvidenceFile;
import cn.luohu.qpb.assessment.EvidenceService;
import cn.luohu.qpb.assessment.ReviewEntry;
import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.assessment.ReviewSheet;
import cn.luohu.qpb.assessment.SheetDimension;
import cn.luohu.qpb.assessment.SheetItem;
import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.AutosavedEntry;
import cn.luohu.qpb.base.ui.AutosavedTextArea;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.base.ui.TextLimit;
import cn.luohu.qpb.base.ui.UnsavedChangesDialog;
import cn.luohu.qpb.standard.IndicatorDefinition;
import cn.luohu.qpb.standard.IndicatorInput;
import cn.luohu.qpb.standard.Scoring;
import cn.luohu.qpb.standard.ScoringResult;
import cn.luohu.qpb.standard.ScoringScheme;
import cn.luohu.qpb.standard.ui.IndicatorCard;
import cn.luohu.qpb.standard.ui.ScoreSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One assessment under review: per indicator the secretary's entries and evidence (read-only) beside the
 * reviewer's score and comment, saved as he types; the review total and the star it earns follow live.
 * He may take over the secretary's score of one indicator, or of all he has not reviewed yet, as his own entries.
 * A refused value stays marked on its field; a save another tab overtook stops this tab from saving until it
 * reloads; leaving with a refused value asks first.
 * He then returns it (a comment listing what to fix) or recommends a star no higher than the total earns.
 * The assessment's timeline is folded away at the bottom.
 */
@Route("reviews/:id")
@RolesAllowed(Role.Names.REVIEWER)
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private static final String SAVED_ELSEWHERE = "review.error.saved-elsewhere";

    private final transient ReviewService reviews;
    private final transient AssessmentService assessments;
    private final transient EvidenceService evidence;
    private final transient DisplayZone zone;
    private long id;
    private boolean reviewable;
    private transient ScoringScheme scheme;
    private final Map<Long, Integer> versions = new HashMap<>();
    private final Map<String, IndicatorInput> inputs = new HashMap<>();
    private final ScoreSummary summary = new ScoreSummary();
    private final List<AutosavedEntry> entries = new ArrayList<>();
    /** Once another tab saved over this one, nothing more is saved here until it reloads. */
    private final StaleGuard guard = new StaleGuard(SAVED_ELSEWHERE, refused -> entries.forEach(entry -> entry.setReadOnly(true)));
    private String title = "";

    public ReviewView(ReviewService reviews, AssessmentService assessments, EvidenceService evidence, DisplayZone zone) {
        this.reviews = reviews;
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
        ReviewSheet sheet = reviews.sheet(id);
        reviewable = reviews.isReviewableByMe(id);
        AssessmentHeader header = sheet.sheet().header();
        scheme = sheet.sheet().items().isEmpty() ? null : sheet.sheet().scheme();
        versions.clear();
        inputs.clear();
        entries.clear();
        guard.reset();
        removeAll();
        title = header.organizationName() + " · " + header.year();

        H2 heading = new H2(getTranslation("review.title", String.valueOf(header.year()), header.organizationName()));
        heading.setId("review-title");
        Div facts = new AssessmentFacts(header, "review-facts");
        add(heading, facts);
        if (header.state() == AssessmentState.UNDER_REVIEW) {
            rejectedBecause().ifPresent(this::add);
        } else if (sheet.recommendedStar() != null && header.state().compareTo(AssessmentState.RECOMMENDED) >= 0) {
            Span recommended = new Span(getTranslation("review.recommended", sheet.recommendedStar()));
            recommended.setId("review-recommended");
            add(recommended);
        }
        if (reviews.canStart(id)) {
            Button start = new SingleClickButton(getTranslation("review.start"), click -> act(() -> reviews.startReview(id)));
            start.setId("review-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(start);
        }
        summary.setId("review-summary");
        add(new H3(getTranslation("review.total")), summary);
        if (reviewable) {
            Button adoptAll = new SingleClickButton(getTranslation("review.adopt-all"), click -> adoptAll());
            adoptAll.setId("review-adopt-all");
            add(adoptAll);
        }
        Map<Long, List<EvidenceFile>> files = evidence.listForAssessment(id).stream()
                .collect(Collectors.groupingBy(EvidenceFile::itemId));
        for (SheetDimension dimension : sheet.sheet().dimensions()) {
            add(new H3(dimension.name()));
            for (SheetItem item : dimension.items()) {
                ReviewEntry entry = sheet.entry(item.itemId());
                versions.put(item.itemId(), entry.version());
                if (entry.input() != null) {
                    inputs.put(item.indicator().code(), entry.input());
                }
                IndicatorCard own = new IndicatorCard(item.indicator(), item.input(), item.explanation(), false, (i, e) -> { });
                own.add(new EvidencePanel(evidence, zone, item.itemId(), false, files.getOrDefault(item.itemId(), List.of())));
                Div row = new Div(own, reviewCard(item, entry));
                row.addClassName("qpb-review-row");
                add(row);
            }
        }
        recompute();
        if (reviewable) {
            Button returnIt = new Button(getTranslation("review.return"), click -> openReturn());
            returnIt.setId("review-return");
            Button recommend = new Button(getTranslation("review.recommend"), click -> openRecommend());
            recommend.setId("review-recommend");
            recommend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new HorizontalLayout(returnIt, recommend));
        }
        add(timeline());
    }

    /**
     * Why district staff sent the recommendation back, at the top where the reviewer looks first (as the secretary
     * sees a return): the comment of the latest move from recommended back to under review, if that was the last.
     */
    private Optional<Div> rejectedBecause() {
        return SentBackNotice.latestInto(assessments.timeline(id), AssessmentState.UNDER_REVIEW)
                .filter(move -> move.from() == AssessmentState.RECOMMENDED)
                .map(move -> SentBackNotice.of(move, getTranslation("review.rejected.title", move.actorName()), "review-rejected"));
    }

    /** The assessment's history, folded away at the bottom and read afresh whenever it is unfolded. */
    private Details timeline() {
        AssessmentTimeline timeline = new AssessmentTimeline(zone);
        timeline.setId("review-timeline");
        Details details = new Details(getTranslation("assessment.timeline"), timeline);
        details.setId("review-history");
        details.setWidthFull();
        details.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                timeline.show(assessments.timeline(id));
            }
        });
        return details;
    }

    /** The reviewer's score and comment for one item, saved as he changes them. */
    private Div reviewCard(SheetItem item, ReviewEntry entry) {
        IndicatorDefinition indicator = item.indicator();
        String code = indicator.code();
        IndicatorInput initial = entry.input();
        HasValue<?, ?> field;
        switch (indicator.method()) {
            case CHECK -> {
                RadioButtonGroup<Boolean> met = new RadioButtonGroup<>(getTranslation("review.met"));
                met.setItems(true, false);
                met.setItemLabelGenerator(value -> getTranslation(value ? "form.met.yes" : "form.met.no"));
                met.setValue(initial == null ? null : initial.met());
                field = met;
            }
            case SCALE -> {
                BigDecimalField score = new BigDecimalField(getTranslation("review.score"));
                score.setValue(initial == null ? null : initial.score());
                field = score;
            }
            default -> {
                IntegerField occurrences = new IntegerField(getTranslation("review.occurrences"));
                occurrences.setMin(0);
                occurrences.setStepButtonsVisible(true);
                occurrences.setValue(initial == null ? null : initial.occurrences());
                field = occurrences;
            }
        }
        ((Component) field).setId("review-input-" + code);
        AutosavedTextArea comment = new AutosavedTextArea(getTranslation("review.comment"));
        comment.setId("review-comment-" + code);
        comment.setWidthFull();
        comment.setValue(entry.comment() == null ? "" : entry.comment());
        AutosavedEntry autosaved = new AutosavedEntry(field, comment, ReviewService.COMMENT_MAX,
                key -> key.startsWith("scoring.problem."), () -> saveItem(item, inputOf(indicator, field.getValue()), comment.getValue()));
        autosaved.setReadOnly(!reviewable);
        entries.add(autosaved);
        Span heading = new Span(getTranslation("review.card.title"));
        heading.addClassName("qpb-card-title");
        Div card = new Div(heading, (Component) field, comment);
        if (reviewable && item.input() != null) {
            Button adopt = new Button(getTranslation("review.adopt"), click -> show(field, item.input()));
            adopt.setId("review-adopt-" + code);
            adopt.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            card.add(adopt);
        }
        card.addClassName("qpb-card");
        card.setId("review-card-" + code);
        return card;
    }

    /** Puts an entry into the field of its method, as if he had entered it (and so saves it). */
    @SuppressWarnings("unchecked")
    private static void show(HasValue<?, ?> field, IndicatorInput input) {
        switch (field) {
            case RadioButtonGroup<?> met -> ((RadioButtonGroup<Boolean>) met).setValue(input.met());
            case BigDecimalField score -> score.setValue(input.score());
            case IntegerField occurrences -> occurrences.setValue(input.occurrences());
            default -> throw new IllegalArgumentException(field.getClass().getName());
        }
    }

    private void adoptAll() {
        try {
            int adopted = reviews.adoptSelfScores(id);
            load();
            SuccessToast.show(getTranslation("review.adopt-all.done", adopted), "review-adopt-all-done");
        } catch (PortalException refused) {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
        }
    }

    private static IndicatorInput inputOf(IndicatorDefinition indicator, Object value) {
        if (value == null) {
            return null;
        }
        return switch (indicator.method()) {
            case CHECK -> IndicatorInput.met((Boolean) value);
            case SCALE -> new IndicatorInput(null, (BigDecimal) value, null);
            case DEDUCT -> IndicatorInput.occurrences((Integer) value);
        };
    }

    /** Saves his entry of one item; a refusal is rethrown for its card to mark on the field. */
    private void saveItem(SheetItem item, IndicatorInput input, String comment) {
        versions.put(item.itemId(), guard.save(() -> reviews.saveReviewItem(item.itemId(), input, comment, versions.get(item.itemId()))));
        if (input == null) {
            inputs.remove(item.indicator().code());
        } else {
            inputs.put(item.indicator().code(), input);
        }
        recompute();
    }

    /** Shows the review total and star of the entries so far; null when the standard has no indicators. */
    private ScoringResult recompute() {
        if (scheme == null) {
            summary.showEmpty();
            return null;
        }
        ScoringResult result = Scoring.score(scheme, inputs);
        summary.show(result);
        return result;
    }

    private void openReturn() {
        new CommentDialog("review-return", "review.return.title", "review.return.comment", "review.return.comment-required",
                "review.return", comment -> act(() -> reviews.returnAssessment(id, comment))).open();
    }

    private void openRecommend() {
        ScoringResult result = recompute();
        if (result == null) {
            return;
        }
        Dialog dialog = new Dialog(getTranslation("review.recommend.title"));
        dialog.setId("review-recommend-dialog");
        Select<Integer> star = new Select<>();
        star.setId("review-recommend-star");
        star.setLabel(getTranslation("review.recommend.star"));
        star.setItems(IntStream.rangeClosed(0, result.stars()).boxed().toList());
        star.setItemLabelGenerator(s -> getTranslation("star.level", s));
        star.setValue(result.stars());
        star.setHelperText(getTranslation("review.recommend.help", result.stars()));
        TextArea comment = new TextArea(getTranslation("review.comment"));
        comment.setId("review-recommend-comment");
        TextLimit limit = TextLimit.on(comment, ReviewService.COMMENT_MAX);
        comment.setWidthFull();
        Button next = new Button(getTranslation("review.recommend"), click -> {
            if (star.getValue() == null || !limit.accepts()) {
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("review-recommend-confirm");
            confirm.setHeader(getTranslation("review.recommend.confirm.title"));
            confirm.setText(getTranslation("review.recommend.confirm.text", star.getValue()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("review.recommend"));
            confirm.addConfirmListener(e -> {
                if (act(() -> reviews.recommend(id, star.getValue(), comment.getValue()))) {
                    dialog.close();
                }
            });
            confirm.open();
        });
        next.setId("review-recommend-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(new VerticalLayout(star, comment));
        dialog.getFooter().add(cancel, next);
        dialog.open();
    }

    /** Runs a move; a refusal is shown in words, success reloads the page. */
    private boolean act(Runnable move) {
        try {
            move.run();
        } catch (PortalException refused) {
            PortalErrorHandler.showError(UI.getCurrent(), refused);
            return false;
        }
        load();
        return true;
    }

    /** Leaving with a refused value that was never saved asks first (typed text reaches the server before this). */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (entries.stream().anyMatch(AutosavedEntry::hasUnsavedValue)) {
            UnsavedChangesDialog.ask(event);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
