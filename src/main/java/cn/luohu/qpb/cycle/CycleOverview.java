package cn.luohu.qpb.cycle;

import cn.luohu.qpb.assessment.AssessmentState;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A cycle at a glance: assessments per state, the same per committee, and how many organisations are
 * overdue on {@code today} (the district's date).
 */
public record CycleOverview(CycleSummary cycle, LocalDate today, Map<AssessmentState, Integer> byState,
                            List<CommitteeProgress> committees, int overdue) {

    public int count(AssessmentState state) {
        return byState.getOrDefault(state, 0);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
