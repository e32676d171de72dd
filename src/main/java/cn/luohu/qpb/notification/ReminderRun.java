package cn.luohu.qpb.notification;

/** What one run of the deadline reminders did: users reminded in the portal, e-mails sent and failed. */
record ReminderRun(int remindedUsers, int mailsSent, int mailsFailed) {
}
