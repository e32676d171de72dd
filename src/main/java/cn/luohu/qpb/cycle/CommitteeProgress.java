package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentState;

import java.util.Map;

/** How far one committee's organisations have got in a cycle: assessments per state. */
public record CommitteeProgress(Long committeeId, String committeeName, Map<AssessmentState, Integer> byState) {

    public int count(AssessmentState state) {
        return byState.getOrDefault(state, 0);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
