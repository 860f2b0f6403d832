package org.port853.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The packages' copyright file (installer/linux/copyright, /usr/share/doc/port853/copyright) names the copyright and
 * licence of every library jar they ship in /usr/lib/port853/lib/app: one that no stanza names falls under "Files: *",
 * which says it is Port853's own, under the GPL.
 */
class PackageCopyrightTest {
    private static final String APP = "usr/lib/port853/lib/app/";

    @Test
    void everyShippedLibraryJarHasAStanzaOfItsOwn() throws Exception {
        List<String> globs = Files.readAllLines(Path.of("installer/linux/copyright")).stream()
                .filter(l -> l.startsWith("Files:")).flatMap(l -> List.of(l.substring(6).trim().split("\\s+")).stream())
                .filter(g -> g.startsWith(APP)).map(g -> g.substring(APP.length())).toList();
        List<String> unnamed = Libraries.MARKERS.stream().filter(m -> !"JavaFX".equals(m.getKey())) // in lib/runtime
                .map(m -> jarOf(m.getValue())).distinct()
                .filter(jar -> globs.stream().noneMatch(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)
                        .matches(Path.of(jar))))
                .toList();
        assertEquals(List.of(), unnamed, "jars without a Files: stanza in installer/linux/copyright");
    }

    /** The file name of the jar that holds {@code classFile}, as the package ships it. */
    private static String jarOf(String classFile) {
        String url = Objects.requireNonNull(PackageCopyrightTest.class.getClassLoader().getResource(classFile),
                classFile).toString();
        String jar = url.substring(0, url.indexOf("!/"));
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
