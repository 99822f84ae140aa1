package com.channelrouter.support;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/** MyBatis settings shared by every mapper, and the clock the service reads time from. */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    ConfigurationCustomizer utcInstants() {
        return configuration -> configuration.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
