package cn.luohu.qpb.base;

/** The caller asked for something outside their scope (another organisation's data, by id or otherwise). */
public class NotInScopeException extends PortalException {

    public NotInScopeException() {
        super("error.not-in-scope");
    }
}
