package cn.luohu.qpb.base;

import java.util.Arrays;

/**
 * A refusal the user should read: carries a translation key and its arguments, never a stack trace.
 * Services throw it (or a subclass); the UI shows the translated message.
 */
public class PortalException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public PortalException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** An argument that is itself a translation key, e.g. the name of a kind: shown translated. */
    public record Key(String key) {
    }
}
