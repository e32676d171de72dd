package cn.luohu.qpb.cycle;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

/**
 * Opening is refused because some active assessed organisations have no standard to be measured against;
 * nobody is silently left out. The screen lists the categories.
 */
public class MissingStandardsException extends PortalException {

    private final transient List<MissingStandard> missing;

    public MissingStandardsException(List<MissingStandard> missing) {
        super("cycle.error.missing-standards", missing.stream().mapToInt(MissingStandard::organizations).sum());
        this.missing = List.copyOf(missing);
    }

    public List<MissingStandard> missing() {
        return missing;
    }
}
