package cn.luohu.qpb.assessment;

import java.time.LocalDateTime;

/** One move of an assessment; {@code at} is UTC. */
public record TimelineEntry(AssessmentState from, AssessmentState to, String actorName, String comment, LocalDateTime at) {
}
