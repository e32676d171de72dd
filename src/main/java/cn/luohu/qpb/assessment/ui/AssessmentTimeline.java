package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.ScoreSide;
import cn.luohu.qpb.assessment.TimelineEntry;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.Labels;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The history of one assessment, oldest first, from {@code AssessmentService.timeline}: every move (when,
 * who, from → to, the comment) and every change of an item's points (the indicator, 自评 or 评审,
 * before → after). One block per entry whose lines wrap, so it reads on a phone as on a desk. Not lazy:
 * an assessment has at most a few hundred entries. Shared by every page that shows an assessment.
 */
public class AssessmentTimeline extends Div {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient DisplayZone zone;

    public AssessmentTimeline(DisplayZone zone) {
        this.zone = zone;
        addClassName("qpb-timeline");
    }

    /** Shows these entries instead of the ones shown so far. */
    public void show(List<TimelineEntry> entries) {
        removeAll();
        if (entries.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("assessment.timeline.empty"));
            empty.addClassName("qpb-hint");
            add(empty);
        }
        entries.forEach(entry -> add(entry(entry)));
    }

    private Div entry(TimelineEntry entry) {
        Span when = new Span(zone.fromUtc(entry.at()).format(AT));
        Span who = new Span(entry.actorName() == null ? getTranslation("assessment.timeline.system") : entry.actorName());
        who.addClassName("qpb-timeline-who");
        Div head = new Div(when, who);
        head.addClassName("qpb-timeline-head");
        Div block = new Div(head);
        block.addClassName("qpb-timeline-entry");
        switch (entry) {
            case TimelineEntry.Move move -> {
                block.addClassName("qpb-timeline-move");
                String to = Labels.of(this, "assessment.state", move.to());
                Div what = new Div(move.from() == null ? to
                        : getTranslation("assessment.timeline.change", Labels.of(this, "assessment.state", move.from()), to));
                what.addClassName("qpb-timeline-what");
                block.add(what);
                if (move.comment() != null) {
                    Div comment = new Div(getTranslation("assessment.timeline.comment-text", move.comment()));
                    comment.addClassName("qpb-timeline-comment");
                    block.add(comment);
                }
            }
            case TimelineEntry.ScoreChange change -> {
                Span side = new Span(Labels.of(this, "assessment.score-side", change.side()));
                side.addClassNames("qpb-badge", change.side() == ScoreSide.SELF ? "qpb-badge-warn" : "qpb-badge-info");
                Span indicator = new Span(change.indicatorCode() + " " + change.indicatorTitle());
                Span points = new Span(getTranslation("assessment.timeline.change", points(change.before()), points(change.after())));
                points.addClassName("qpb-timeline-points");
                Div what = new Div(side, indicator, points);
                what.addClassName("qpb-timeline-what");
                block.add(what);
            }
        }
        return block;
    }

    /** 9.00 shown as 9, 8.50 as 8.5; null as not scored. */
    private String points(BigDecimal points) {
        return points == null ? getTranslation("assessment.timeline.not-scored") : points.stripTrailingZeros().toPlainString();
    }
}
