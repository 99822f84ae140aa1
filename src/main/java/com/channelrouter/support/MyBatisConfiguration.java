package com.channelrouter.support;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What MyBatis' properties (application.yml, mybatis.*) cannot set. */
@Configuration(proxyBeanMethods = false)
class MyBatisConfiguration {

    @Bean
    ConfigurationCustomizer cachedConstructors() {
        return configuration -> configuration.setObjectFactory(new CachedConstructorObjectFactory());
    }
}
