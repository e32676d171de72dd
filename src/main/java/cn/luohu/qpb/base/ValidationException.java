package cn.luohu.qpb.base;

import java.util.List;

/** Input that breaks one or more field rules; the message is the first problem, all are kept for forms. */
public class ValidationException extends PortalException {

    private final List<String> problemKeys;

    public ValidationException(List<String> problemKeys) {
        super(problemKeys.getFirst());
        this.problemKeys = List.copyOf(problemKeys);
    }

    public List<String> problemKeys() {
        return problemKeys;
    }
}
