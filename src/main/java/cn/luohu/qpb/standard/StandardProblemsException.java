package cn.luohu.qpb.standard;

import cn.luohu.qpb.base.PortalException;

import java.util.List;

/** Publishing was refused: every problem of the standard, for the editor to list at once. */
public class StandardProblemsException extends PortalException {

    private final transient List<StandardRules.Problem> problems;

    StandardProblemsException(List<StandardRules.Problem> problems) {
        super("standard.error.not-publishable", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<StandardRules.Problem> problems() {
        return problems;
    }
}
