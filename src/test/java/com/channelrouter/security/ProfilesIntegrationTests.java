package com.channelrouter.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default does not hang on Spring's implicit default profile: adding a profile keeps the
 * demo clients and H2; the production-like mysql profile has no demo clients and no demo data.
 */
class ProfilesIntegrationTests {

    private static final String H2 = "--spring.datasource.url=jdbc:h2:mem:profiles-%s;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static ConfigurableApplicationContext start(String... args) {
        String[] withRandomPort = java.util.Arrays.copyOf(args, args.length + 1);
        withRandomPort[args.length] = "--server.port=0";
        return new SpringApplication(com.channelrouter.ChannelRouterApplication.class).run(withRandomPort);
    }

    @Test
    void addingAProfileKeepsTheEmbeddedDefault() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.include=bench", H2.formatted("bench"))) {
            assertThat(context.getBean(ApiClients.class).authenticate("dev-group-hotline")).isPresent();
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:");
        }
    }

    @Test
    void demoKeysRefuseToStartOnAnyDatabaseButTheEmbeddedOne() {
        assertThatThrownBy(() -> start("--spring.profiles.include=prod", "--spring.datasource.url=jdbc:mysql://db.example:3306/cr"))
                .hasStackTraceContaining("demo API keys (dev-*) are public")
                .hasStackTraceContaining("--spring.profiles.active=mysql");
    }

    @Test
    void anH2ServerOverTheNetworkIsNotTheEmbeddedOneAndNoPasswordIsShown() {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:tcp://db.example/cr;PASSWORD=secret"))
                .hasStackTraceContaining("demo API keys (dev-*) are public")
                .satisfies(refused -> assertThat(stackTrace(refused)).doesNotContain("secret"));
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:mysql://db.example:3306/cr?user=root&password=secret"))
                .hasStackTraceContaining("jdbc:mysql://db.example:3306/cr.")
                .satisfies(refused -> assertThat(stackTrace(refused)).doesNotContain("secret"));
    }

    private static String stackTrace(Throwable thrown) {
        java.io.StringWriter text = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    @Test
    void mysqlProfileHasNoDemoClientsOrDemoData() {
        // the mysql profile's database comes from the environment; H2 stands in for it here
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=mysql", H2.formatted("mysql"))) {
            assertThat(context.getBean(ApiClients.class).authenticate("dev-admin")).isEmpty();
            assertThat(context.getBean(ApiClients.class).size()).isZero();
            assertThat(context.getEnvironment().getProperty("channel-router.demo-data")).isEqualTo("false");
            assertThat(context.getBeanNamesForType(com.channelrouter.customer.Customers.class)).hasSize(1);
            assertThat(context.containsBean("demoCustomers")).isFalse();
        }
    }
}
