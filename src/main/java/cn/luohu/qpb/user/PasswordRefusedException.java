package cn.luohu.qpb.user;

import cn.luohu.qpb.base.PortalException;

import java.util.Locale;

/** A new password broke the policy, or the current one was wrong. */
public class PasswordRefusedException extends PortalException {

    private final PasswordPolicy.Violation violation;

    PasswordRefusedException(PasswordPolicy.Violation violation) {
        super(messageKey(violation), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES);
        this.violation = violation;
    }

    /** The translation key that explains this violation. */
    public static String messageKey(PasswordPolicy.Violation violation) {
        return "password.violation." + violation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public PasswordPolicy.Violation violation() {
        return violation;
    }
}
