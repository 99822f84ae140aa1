package com.channelrouter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Channel Router: decides which channel owns every lead, churn alert and fault, with its SLA. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // API keys are the only logins
public class ChannelRouterApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChannelRouterApplication.class, args);
    }
}
