package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.NotFoundException;
import cn.luohu.qpb.base.db.RetryOnConflict;
import cn.luohu.qpb.base.security.Access;
import cn.luohu.qpb.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The caller's own notifications: the bell's unread count, his list newest first, marking them read.
 * Every query is narrowed to the caller in SQL, so another user's notification is never found, whatever
 * its id.
 */
@Service
@Transactional(readOnly = true)
@RetryOnConflict // a write that loses a race (deadlock, another node's commit) runs again as a whole
public class NotificationService {

    private final NotificationRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationService(NotificationRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize(Access.LOGGED_IN)
    public int unreadCount() {
        return repository.unreadCount(me());
    }

    @PreAuthorize(Access.LOGGED_IN)
    public int count() {
        return repository.count(me());
    }

    /** A page of the caller's notifications, newest first. */
    @PreAuthorize(Access.LOGGED_IN)
    public List<NotificationItem> mine(int offset, int limit) {
        return repository.page(me(), offset, limit);
    }

    /** Marks one of the caller's notifications read (again is harmless); another's is refused as missing. */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public void markRead(long notificationId) {
        long me = me();
        if (!repository.isOwnedBy(notificationId, me)) {
            throw new NotFoundException();
        }
        repository.markRead(notificationId, me, now());
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    @PreAuthorize(Access.LOGGED_IN)
    @Transactional
    public int markAllRead() {
        return repository.markAllRead(me(), now());
    }

    private long me() {
        return currentUser.require().userId();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
