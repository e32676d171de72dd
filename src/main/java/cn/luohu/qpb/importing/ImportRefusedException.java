package cn.luohu.qpb.importing;

import cn.luohu.qpb.base.PortalException;

/** The whole file is refused before any row is looked at: empty, too large, not a spreadsheet, unreadable. */
public class ImportRefusedException extends PortalException {

    public ImportRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
