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
        if (demoClients && !anyDatabase && !embeddedH2(database)) {
            throw new IllegalStateException("The demo API keys (dev-*) are public and only for the embedded H2 default, but the "
                    + "database is " + withoutCredentials(database) + ". Start with --spring.profiles.active=mysql "
                    + "or set channel-router.security.demo-clients=false.");
        }
    }

    /** H2 in this process (a file or memory); an H2 server reached over the network is another database. */
    static boolean embeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** The URL to say which database it is, without what may hold a password: user info, parameters, settings. */
    static String withoutCredentials(String url) {
        return url.replaceAll("//[^/@]*@", "//***@").replaceAll("[?;].*$", "");
    }

    /** After application.yml and the profiles have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
