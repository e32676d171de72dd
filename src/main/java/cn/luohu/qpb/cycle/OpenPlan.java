package cn.luohu.qpb.cycle;

import java.util.List;

/** What opening a cycle would make: one assessment per organisation with one item per indicator. */
public record OpenPlan(int organizations, int items, List<MissingStandard> missing) {

    public boolean openable() {
        return missing.isEmpty();
    }
}
