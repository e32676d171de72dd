package cn.luohu.qpb.base;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Every scheduled job runs on one instance at a time: its entry point carries ShedLock's
 * {@code @SchedulerLock}, whose lock is a row of the {@code shedlock} table timed by the database's clock
 * (instances' clocks may differ). Each lock is also held for at least
 * {@code qpb.scheduler.lock-at-least-for} (30 seconds by default) after a short run, so an instance whose
 * scheduler fires a little later than another's finds the job still locked instead of running it again. On whenever jobs exist, also when scheduling is off, so the entry point a
 * test calls is the one the scheduler calls. The jobs' own row-level guards stay as the backstop.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", defaultLockAtLeastFor = "${qpb.scheduler.lock-at-least-for:PT30S}")
class SchedulerLockConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
