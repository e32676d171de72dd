package cn.luohu.qpb.base.time;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Times are stored in UTC and shown in this zone (Asia/Shanghai unless configured). */
public record DisplayZone(ZoneId zone) {

    public ZonedDateTime fromUtc(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
    }
}
