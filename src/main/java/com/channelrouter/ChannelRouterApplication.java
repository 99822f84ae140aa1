package com.channelrouter;

import com.channelrouter.replay.ReplayCommand;
import com.channelrouter.tables.PrintDrlCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

import java.util.Arrays;

/** Channel Router: decides which channel owns every lead, churn alert and fault, with its SLA. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class) // API keys are the only logins
public class ChannelRouterApplication {
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals(PrintDrlCommand.NAME) || args[0].equals(ReplayCommand.NAME))) {
            quietLogging(); // a command's output is its report, not library start-up chatter
        }
        if (args.length > 0 && args[0].equals(PrintDrlCommand.NAME)) {
            System.exit(PrintDrlCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(ReplayCommand.NAME)) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // the embedded H2's AUTO_SERVER lets a second process open the same file (a second instance, a database
        // console) through a TCP port H2 opens; by default on every interface, with user sa and no password
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        SpringApplication.run(ChannelRouterApplication.class, args);
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
