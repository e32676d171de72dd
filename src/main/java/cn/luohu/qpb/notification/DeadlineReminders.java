package cn.luohu.qpb.notification;

import cn.luohu.qpb.audit.AuditAction;
import cn.luohu.qpb.audit.AuditService;
import cn.luohu.qpb.base.db.RetriedTransactions;
import cn.luohu.qpb.base.time.DisplayZone;
import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The daily deadline reminders: every secretary and reviewer with something due within three days or
 * overdue in an open cycle gets one notification a day with the counts, and an e-mail in his language
 * when a mail server is configured ({@code spring.mail.host}) and he has an address. Users are claimed
 * for the day before anything is sent, so a second run that day, or a run on another instance, tells
 * nobody twice. E-mails go out after the claim has committed: a mail server that is down costs the
 * e-mails (logged), never the reminders in the portal.
 */
@Component
class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);
    /** E-mails per connection to the mail server. */
    private static final int MAIL_BATCH = 100;

    private final NotificationRepository repository;
    private final AuditService audit;
    private final RetriedTransactions transactions;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final I18NProvider translations;
    private final Clock clock;
    private final DisplayZone zone;
    private final String from;

    DeadlineReminders(NotificationRepository repository, AuditService audit, RetriedTransactions transactions,
                      ObjectProvider<JavaMailSender> mailSender, I18NProvider translations, Clock clock, DisplayZone zone,
                      @Value("${qpb.mail.from}") String from) {
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
        this.mailSender = mailSender;
        this.translations = translations;
        this.clock = clock;
        this.zone = zone;
        this.from = from;
    }

    /**
     * Every day at {@code qpb.reminders.cron} in the portal's time zone ("-" switches it off, as in the tests),
     * on one instance at a time.
     */
    @Scheduled(cron = "${qpb.reminders.cron}", zone = "${qpb.time-zone}")
    @SchedulerLock(name = "deadline-reminders")
    public void daily() {
        ReminderRun run = remind();
        log.info("Deadline reminders: {} users reminded, {} e-mails sent, {} failed",
                run.remindedUsers(), run.mailsSent(), run.mailsFailed());
    }

    /** Reminds everyone not yet reminded today (in the portal's time zone). */
    ReminderRun remind() {
        LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String runId = UUID.randomUUID().toString();
        JavaMailSender sender = mailSender.getIfAvailable();
        // two instances claiming the same users at once (a deadlock, or on a cluster a certification conflict):
        // the loser runs again and finds them claimed
        Claimed claimed = transactions.run("Deadline reminders", status -> {
            int users = repository.claimReminders(runId, today);
            if (users == 0) {
                return new Claimed(0, List.of());
            }
            repository.notifyReminders(runId, now);
            audit.record(AuditAction.DEADLINE_REMINDERS_SENT, "deadline_reminder", today, null, Map.of("users", users));
            return new Claimed(users, sender == null ? List.of() : repository.reminderMails(runId));
        });
        int failed = sender == null ? 0 : send(sender, claimed.mails());
        return new ReminderRun(claimed.users(), claimed.mails().size() - failed, failed);
    }

    private record Claimed(int users, List<ReminderMail> mails) {
    }

    /** Sends the e-mails in batches; returns how many failed. */
    private int send(JavaMailSender sender, List<ReminderMail> mails) {
        int failed = 0;
        for (int start = 0; start < mails.size(); start += MAIL_BATCH) {
            List<ReminderMail> batch = mails.subList(start, Math.min(mails.size(), start + MAIL_BATCH));
            try {
                sender.send(batch.stream().map(this::message).toArray(SimpleMailMessage[]::new));
            } catch (MailException e) {
                int lost = e instanceof MailSendException partly && !partly.getFailedMessages().isEmpty()
                        ? partly.getFailedMessages().size() : batch.size();
                failed += lost;
                log.warn("Deadline reminders: {} of {} e-mails not sent: {}", lost, batch.size(), e.getMessage());
            }
        }
        return failed;
    }

    private SimpleMailMessage message(ReminderMail mail) {
        Locale locale = mail.language().locale();
        List<String> lines = new ArrayList<>();
        lines.add(translations.getTranslation("notification.mail.greeting", locale, mail.displayName()));
        lines.add("");
        due(lines, locale, NotificationKind.SELF_DEADLINE, mail.selfDueSoon(), mail.selfOverdue(), mail.cycleName(), mail.selfDeadline());
        due(lines, locale, NotificationKind.REVIEW_DEADLINE, mail.reviewDueSoon(), mail.reviewOverdue(), mail.cycleName(),
                mail.reviewDeadline());
        lines.add("");
        lines.add(translations.getTranslation("notification.mail.footer", locale));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.email());
        message.setSubject(translations.getTranslation("notification.mail.subject", locale));
        message.setText(String.join("\n", lines));
        return message;
    }

    /** The line of one kind, when something of it is due: the same arguments as its in-app notification. */
    private void due(List<String> lines, Locale locale, NotificationKind kind, int dueSoon, int overdue, String cycleName,
                     LocalDate deadline) {
        if (dueSoon + overdue > 0) {
            lines.add(translations.getTranslation(kind.messageKey(), locale, dueSoon, overdue, NotificationRepository.DUE_SOON_DAYS,
                    cycleName, String.valueOf(deadline)));
        }
    }
}
