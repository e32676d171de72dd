package cn.luohu.qpb.notification;

import cn.luohu.qpb.base.security.Role;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One notification as its reader sees it: the message is {@code notification.message.<kind>} filled in
 * with {@code args}; {@code role} is the role in which he was told; {@code createdAt} is in UTC.
 */
public record NotificationItem(long id, NotificationKind kind, Role role, Long assessmentId, List<Object> args,
                               LocalDateTime createdAt, boolean read) {

    public NotificationItem {
        args = List.copyOf(args);
    }
}
