package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.i18n.Language;

import java.time.LocalDate;

/**
 * One user's reminder to e-mail: where, how to greet him, in which language, his counts, the cycle they
 * belong to and the earliest deadline of each kind (null where nothing of that kind is due).
 */
record ReminderMail(String email, String displayName, Language language, int selfDueSoon, int selfOverdue,
                    int reviewDueSoon, int reviewOverdue, String cycleName, LocalDate selfDeadline, LocalDate reviewDeadline) {
}
