package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentState;
import cn.luohu.qpb.assessment.TimelineEntry;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import java.util.List;
import java.util.Optional;

/**
 * Why an assessment was sent back, at the top of the page of whoever must act on it now: who sent it and his
 * comment, from the latest move into the state it was sent back to (a return to the secretary, a rejected
 * recommendation to the reviewer).
 */
final class SentBackNotice {

    private SentBackNotice() {
    }

    /** The latest move of the timeline into {@code state}. */
    static Optional<TimelineEntry.Move> latestInto(List<TimelineEntry> timeline, AssessmentState state) {
        return timeline.stream().filter(TimelineEntry.Move.class::isInstance).map(TimelineEntry.Move.class::cast)
                .filter(move -> move.to() == state).reduce((first, second) -> second);
    }

    /** The notice of that move: {@code title} names who sent it back, the move's comment says why. */
    static Div of(TimelineEntry.Move move, String title, String id) {
        Div notice = new Div(new Span(title), new Paragraph(move.comment() == null ? "" : move.comment()));
        notice.setId(id);
        notice.addClassName("qpb-notice");
        return notice;
    }
}
