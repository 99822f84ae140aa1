package com.channelrouter.support;

import org.junit.jupiter.api.Tag;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reruns an H2 test class against the real MariaDB/MySQL server: put it on a subclass. Tagged
 * "mariadb", so it runs with {@code mvn verify -Pmariadb} and fails when the server is unreachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mariadb")
@ActiveProfiles({"test", "mariadb"})
@Import(CleanDatabase.class)
public @interface OnMariaDb {
}
