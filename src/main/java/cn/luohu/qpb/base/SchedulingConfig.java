package cn.luohu.qpb.base;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduled jobs (the end of public notices, reminders). Tests switch them off with
 * {@code qpb.scheduling.enabled=false} and run the jobs directly, at a time of their choosing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qpb.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
