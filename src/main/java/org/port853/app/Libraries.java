package org.port853.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The libraries port853.jar finds through its manifest's Class-Path ({@code lib/} beside it). A jar copied on its own
 * would start and then fail deep inside with a NoClassDefFoundError, or say "no resolver adapter for Linux": checked
 * first instead, by one class file of each (a resource lookup: nothing is loaded or initialised).
 */
final class Libraries {
    /** A class file of each jar in lib/, under the library's name (a library of several jars has several). */
    static final List<Map.Entry<String, String>> MARKERS = List.of(
            Map.entry("JavaFX", "javafx/beans/property/SimpleBooleanProperty.class"),
            Map.entry("JavaFX", "javafx/application/Application.class"),
            Map.entry("JavaFX", "javafx/scene/control/Button.class"),
            Map.entry("AtlantaFX", "atlantafx/base/theme/PrimerLight.class"),
            Map.entry("ControlsFX", "org/controlsfx/control/Notifications.class"),
            Map.entry("dbus-java", "org/freedesktop/dbus/connections/impl/DBusConnection.class"),
            Map.entry("dbus-java", "org/freedesktop/dbus/transport/jre/NativeTransportProvider.class"),
            Map.entry("SLF4J", "org/slf4j/LoggerFactory.class"),
            Map.entry("JNA", "com/sun/jna/Native.class"),
            Map.entry("JNA", "com/sun/jna/platform/win32/Advapi32Util.class"),
            Map.entry("dnsjava", "org/xbill/DNS/Message.class"),
            Map.entry("Jackson", "com/fasterxml/jackson/databind/ObjectMapper.class"),
            Map.entry("Jackson", "com/fasterxml/jackson/core/JsonFactory.class"),
            Map.entry("Jackson", "com/fasterxml/jackson/annotation/JsonProperty.class"),
            Map.entry("Jackson", "com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.class"));

    private Libraries() {
    }

    /** The names of the libraries that cannot be found; empty when all are there. */
    static List<String> missing(ClassLoader loader) {
        return MARKERS.stream().filter(e -> loader.getResource(e.getValue()) == null).map(Map.Entry::getKey).distinct()
                .toList();
    }

    /**
     * The jars the manifest of {@code jar} lists in its Class-Path that are not where it says (in lib/ beside it), by
     * file name; empty when all are there, or when Port853 does not run as {@code java -jar} from its build (the
     * package's launcher puts every jar on the class path itself). Only files are looked at, so this costs a start
     * little; naming the libraries ({@link #missing}) costs more and is left to when something is absent.
     */
    static List<String> absentJars(Path jar) {
        if (jar == null || !jar.toString().endsWith(".jar") || System.getProperty("jpackage.app-path") != null) {
            return List.of();
        }
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null
                    : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            Path dir = jar.toAbsolutePath().getParent();
            return java.util.Arrays.stream(classPath.strip().split("\\s+"))
                    .filter(entry -> !java.nio.file.Files.isRegularFile(dir.resolve(entry)))
                    .map(entry -> Path.of(entry).getFileName().toString()).toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(); // not readable as a jar: the class loader meets what is missing, and says so then
        }
    }

    /** One sentence for stderr: what is missing and where it is looked for. */
    static String problem(List<String> missing, Path jar) {
        String where = jar != null && jar.toString().endsWith(".jar")
                ? " in " + jar.toAbsolutePath().getParent().resolve("lib") + ", beside " + jar.getFileName() : "";
        return "port853: libraries Port853 needs are missing (" + String.join(", ", missing) + "): they are looked for"
                + where + "; run Port853 where it was built (target/port853.jar with target/lib), or install the package";
    }

    /** Where this class was loaded from (the jar when run with java -jar); null when unknown. */
    static Path codeSource() {
        try {
            return Path.of(Libraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
