package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.AssessmentHeader;
import cn.luohu.qpb.base.ui.LabeledValue;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.base.ui.Stars;
import com.vaadin.flow.component.html.Div;

/** The facts of an assessment above its form, the same for the secretary and for the reviewer. */
class AssessmentFacts extends Div {

    AssessmentFacts(AssessmentHeader header, String id) {
        setId(id);
        addClassName("qpb-card");
        add(new LabeledValue(getTranslation("assessment.field.cycle"), header.cycleName()),
                new LabeledValue(getTranslation("assessment.field.state"), Labels.of(this, "assessment.state", header.state())),
                new LabeledValue(getTranslation("assessment.field.deadline"), header.deadline().toString()),
                new LabeledValue(getTranslation("assessment.field.standard"), header.standardName()),
                new LabeledValue(getTranslation("assessment.field.current-star"), new Stars(header.starAtOpen())),
                new LabeledValue(getTranslation("assessment.field.applied-star"),
                        header.appliedStar() == null ? "" : getTranslation("star.level", header.appliedStar())));
    }
}
