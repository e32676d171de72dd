package cn.luohu.qpb.user;

import java.time.LocalDateTime;

/** One of the caller's logged-in sessions (times in UTC), for her profile; {@code current}: the one she uses now. */
public record OwnSession(long id, LocalDateTime createdAt, LocalDateTime lastSeenAt, boolean current) {
}
