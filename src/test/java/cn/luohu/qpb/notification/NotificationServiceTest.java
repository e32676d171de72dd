package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDateTime;
import java.util.List;

import static cn.luohu.qpb.jooq.Tables.NOTIFICATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user reads and marks only his own notifications: counts, newest first, another's refused as missing. */
class NotificationServiceTest extends IntegrationTest {

    @Autowired
    private NotificationService notifications;
    @Autowired
    private DSLContext dsl;

    private String me;
    private String someoneElse;
    private long older;
    private long newer;
    private long othersNotification;

    @BeforeEach
    void twoUsersWithNotifications() {
        long branch = data.branch(data.committee("通知阅读党工委"), "通知阅读支部");
        me = data.user(branch, Role.SECRETARY);
        someoneElse = data.user(branch, Role.SECRETARY);
        LocalDateTime now = LocalDateTime.now();
        older = notification(me, NotificationKind.RETURNED, "[\"通知阅读支部\", \"2026\"]", now.minusHours(2));
        newer = notification(me, NotificationKind.SELF_DEADLINE, "[1, 0, 3]", now.minusHours(1));
        othersNotification = notification(someoneElse, NotificationKind.RETURNED, "[\"通知阅读支部\", \"2026\"]", now);
        actAs(me);
    }

    private long notification(String username, NotificationKind kind, String args, LocalDateTime at) {
        return dsl.insertInto(NOTIFICATION).set(NOTIFICATION.RECIPIENT_ID, data.userId(username))
                .set(NOTIFICATION.RECIPIENT_ROLE, "SECRETARY").set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.ARGS, JSON.json(args)).set(NOTIFICATION.CREATED_AT, at)
                .returningResult(NOTIFICATION.ID).fetchSingle().value1();
    }

    @Test
    void myNotificationsNewestFirstWithTheirArguments() {
        assertEquals(2, notifications.unreadCount());
        assertEquals(2, notifications.count());
        List<NotificationItem> page = notifications.mine(0, 10);
        assertEquals(List.of(newer, older), page.stream().map(NotificationItem::id).toList());
        NotificationItem reminder = page.getFirst();
        assertEquals(NotificationKind.SELF_DEADLINE, reminder.kind());
        assertEquals(Role.SECRETARY, reminder.role());
        assertEquals(List.of(1, 0, 3), reminder.args());
        assertEquals(List.of("通知阅读支部", "2026"), page.get(1).args());
        assertFalse(reminder.read());
        assertEquals(List.of(older), notifications.mine(1, 1).stream().map(NotificationItem::id).toList(), "paged in SQL");
    }

    @Test
    void markingOneAndThenAllRead() {
        notifications.markRead(newer);
        notifications.markRead(newer); // again: harmless
        assertEquals(1, notifications.unreadCount());
        assertTrue(notifications.mine(0, 10).getFirst().read());

        assertEquals(1, notifications.markAllRead());
        assertEquals(0, notifications.unreadCount());
        assertEquals(2, notifications.count(), "read ones stay in the list");

        actAs(someoneElse);
        assertEquals(1, notifications.unreadCount(), "another user's stay unread");
    }

    @Test
    void anotherUsersNotificationIsRefusedLikeAMissingOne() {
        assertThrows(NotFoundException.class, () -> notifications.markRead(othersNotification));
        assertThrows(NotFoundException.class, () -> notifications.markRead(Long.MAX_VALUE));
        assertFalse(notifications.mine(0, 100).stream().anyMatch(n -> n.id() == othersNotification));
        actAs(someoneElse);
        assertEquals(1, notifications.unreadCount());
    }

    @Test
    void nobodyLoggedInReadsNothing() {
        SecurityContextHolder.clearContext();
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> notifications.unreadCount());
    }
}
