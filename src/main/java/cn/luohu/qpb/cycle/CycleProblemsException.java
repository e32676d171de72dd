package cn.luohu.qpb.cycle;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

/** A cycle's settings break one or more rules: the message is the first problem, the form shows them all. */
public class CycleProblemsException extends PortalException {

    private final transient List<PortalException> problems;

    public CycleProblemsException(List<PortalException> problems) {
        super(problems.getFirst().messageKey(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public List<PortalException> problems() {
        return problems;
    }
}
