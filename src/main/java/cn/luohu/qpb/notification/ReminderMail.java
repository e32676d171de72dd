package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.i18n.Language;

/** One user's reminder to e-mail: where, how to greet him, in which language, and his counts. */
record ReminderMail(String email, String displayName, Language language, int selfDueSoon, int selfOverdue,
                    int reviewDueSoon, int reviewOverdue) {
}
