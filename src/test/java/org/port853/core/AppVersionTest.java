package org.port853.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AppVersionTest {
    /** The project's own version in pom.xml (the first version after its artifactId). */
    static String pomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>port853</artifactId>\\s*(?:<!--.*?-->\\s*)?<version>([^<]+)</version>",
                Pattern.DOTALL).matcher(Files.readString(Path.of("pom.xml")));
        if (!m.find()) {
            throw new AssertionError("no project version in pom.xml");
        }
        return m.group(1);
    }

    @Test
    void theBuildsVersionComesFromThePom() throws Exception {
        assertEquals(System.getProperty("package.version", pomVersion()), AppVersion.get());
    }
}
