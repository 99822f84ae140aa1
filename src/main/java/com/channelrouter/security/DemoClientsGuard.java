package com.channelrouter.security;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo keys are public knowledge, so they fail closed: with any database but the embedded H2 the
 * service refuses to start while they are on, whatever profile was forgotten. Checked before any bean
 * (or database connection) is made.
 */
public class DemoClientsGuard implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demoClients = environment.getProperty("channel-router.security.demo-clients", Boolean.class, false);
        boolean anyDatabase = environment.getProperty("channel-router.security.demo-clients-on-any-database", Boolean.class, false);
        String database = environment.getProperty("spring.datasource.url", "");
        if (demoClients && !anyDatabase && !database.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("The demo API keys (dev-*) are public and only for the embedded H2 default, but the "
                    + "database is " + database.replaceAll("//[^/@]*@", "//***@") + ". Start with --spring.profiles.active=mysql "
                    + "or set channel-router.security.demo-clients=false.");
        }
    }

    /** After application.yml and the profiles have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
