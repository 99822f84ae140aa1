package com.channelrouter.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** House rules that keep the design honest as it grows. */
class ArchitectureTests {

    private static final Path MAIN = Path.of("src/main/java/com/channelrouter");

    @Test
    void onlyTheEnginePackageTalksToDrools() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("engine")))
                    .filter(ArchitectureTests::importsDrools)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void droolsOwnSpreadsheetCompilerIsNotEvenOnTheClasspath() {
        assertThat(isPresent("org.drools.decisiontable.SpreadsheetCompiler")).isFalse();
        assertThat(isPresent("org.drools.template.ObjectDataCompiler")).isFalse();
    }

    private static boolean importsDrools(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("import org.kie.") || text.contains("import org.drools.");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
