package com.channelrouter.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The clock the service reads time from; tests replace it to stand at a chosen instant. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** What the database keeps of an instant ({@code DATETIME(6)}): no more, so an answer and a later read agree. */
    static final Duration STORED_PRECISION = Duration.ofNanos(1_000);

    /**
     * In microseconds, as stored: with the system clock's nanoseconds, a feed event's {@code at} (read back from the
     * database) and the {@code at} in its data (written from memory) were the same instant spelt two ways.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), STORED_PRECISION);
    }
}
