package org.port853;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package rules of issue 13: the engine and the shared model stay platform-neutral, and no cycles. */
@DisplayName("package dependencies")
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/port853");

    private static List<String> violations(String pkgDir, List<String> forbidden) throws IOException {
        return lines(pkgDir, forbidden, l -> l.startsWith("import "));
    }

    private static void assertNone(String pkgDir, String... forbidden) throws IOException {
        List<String> v = violations(pkgDir, List.of(forbidden));
        assertTrue(v.isEmpty(), pkgDir + " must not import " + List.of(forbidden) + ": " + v);
    }

    @Test
    void changeEngineIsPlatformNeutral() throws IOException {
        assertNone("change", "org.port853.platform.linux", "org.port853.platform.windows", "org.port853.helper",
                "javafx", "org.port853.ui", "org.port853.cli");
    }

    @Test
    void coreIsPure() throws IOException {
        assertNone("core", "org.port853.platform", "org.port853.change", "org.port853.helper", "javafx");
    }

    @Test
    void helperDoesNotKnowLinux() throws IOException {
        assertNone("helper", "org.port853.platform.linux", "org.port853.platform.windows");
    }

    @Test
    void sharedPlatformPackageAndDemoDoNotKnowAPlatform() throws IOException {
        assertNone("platform", "org.port853.platform.linux", "org.port853.platform.windows", "org.port853.helper");
        assertNone("platform/demo", "org.port853.platform.linux", "org.port853.platform.windows");
    }

    /** Code lines (not comments) of one package directory that mention any of {@code names}, e.g. a qualified name. */
    private static List<String> mentions(String pkgDir, List<String> names) throws IOException {
        return lines(pkgDir, names, l -> !(l.startsWith("*") || l.startsWith("/*") || l.startsWith("//")));
    }

    /** "File: line" for the lines of one package directory that {@code which} selects and that contain a name. */
    private static List<String> lines(String pkgDir, List<String> names, java.util.function.Predicate<String> which)
            throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkgDir), 1)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    String code = l.contains("//") ? l.substring(0, l.indexOf("//")) : l;
                    if (which.test(l) && names.stream().anyMatch(code::contains)) {
                        out.add(f.getFileName() + ": " + l);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void captureDoesNotKnowAPlatform() throws IOException {
        assertNone("capture", "org.port853.platform.linux", "org.port853.platform.windows");
    }

    /**
     * Not even a fully qualified name in code (the launcher once started the Windows helper that way): platform
     * classes are reached through ServiceLoader (ResolverAdapter, CaptureDevices, EntryPoint, NamedDemo...).
     */
    @Test
    void facesAndCaptureNeverMentionAPlatformClass() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                String rel = MAIN.relativize(d).toString().replace('\\', '/');
                if (rel.equals("app") || rel.equals("cli") || rel.equals("capture") || rel.equals("ui")
                        || rel.startsWith("ui/")) {
                    found.addAll(mentions(rel, List.of("org.port853.platform.linux", "org.port853.platform.windows")));
                }
            }
        }
        assertTrue(found.isEmpty(), "platform classes named outside ServiceLoader: " + found);
    }

    @Test
    void cliAndWindowNeverNameAPlatformClass() throws IOException {
        for (String face : List.of("cli", "ui", "ui/apply", "ui/status", "ui/providers", "ui/traffic", "ui/verify", "ui/diagnostics",
                "ui/prefs", "ui/common", "app")) {
            if (Files.isDirectory(MAIN.resolve(face))) {
                assertNone(face, "org.port853.platform.linux", "org.port853.platform.windows");
            }
        }
    }
}
