package cn.luohu.qpb.base.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the portal (tests replace it), and the zone times are shown in. */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DisplayZone displayZone(@Value("${qpb.time-zone:Asia/Shanghai}") String zone) {
        return new DisplayZone(ZoneId.of(zone));
    }
}
