package com.channelrouter.support;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work: the jobs (the SLA breach detector, the outbox relay) with a database lock, so that with several
 * instances on one database each run happens on one of them, the lock on the database's clock, not the
 * instances'; and, on every instance, following the live decision tables. channel-router.scheduling.enabled=false
 * turns the jobs off on an instance (their beans are conditional on it); the instance still follows the tables.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
public class SchedulingConfiguration {

    /** The switch for the jobs that run on one instance at a time. */
    public static final String JOBS = "channel-router.scheduling.enabled";

    @Bean
    LockProvider lockProvider(JdbcTemplate jdbc) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .build());
    }
}
