package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.port853.core.DropIn;
import org.port853.platform.Utf8;

/**
 * Lists every resolved.conf drop-in in the order systemd applies them: by file name across all drop-in
 * directories, where a name in an earlier directory (/etc before /run before /usr) masks the same name later.
 */
final class DropInScanner {
    private static final long MAX_SIZE = 64 * 1024;

    private DropInScanner() {
    }

    static List<DropIn> scan(LinuxPaths paths) {
        Map<String, Path> byName = new TreeMap<>();
        for (Path dir : paths.dropInDirs()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.conf")) {
                for (Path f : files) {
                    byName.putIfAbsent(f.getFileName().toString(), f);
                }
            } catch (IOException e) {
                // an unreadable directory hides its files from us just as it would from an admin's ls
            }
        }
        String ourName = paths.ourDropIn().getFileName().toString();
        List<DropIn> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : byName.entrySet()) {
            Path file = e.getValue();
            boolean ours = file.equals(paths.ourDropIn());
            ResolvedConf.Parsed parsed;
            try {
                parsed = ResolvedConf.parse(read(file));
            } catch (IOException ex) {
                parsed = new ResolvedConf.Parsed(Map.of(), describe(ex));
            }
            // A file with our name elsewhere (/run, /usr) is masked by ours in /etc once we write it.
            boolean later = e.getKey().compareTo(ourName) > 0;
            boolean overrides = later && ResolvedConf.OUR_KEYS.stream().anyMatch(parsed.keys()::containsKey);
            out.add(new DropIn(file.toString(), ours, overrides, parsed.keys(), parsed.error()));
        }
        return out;
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException("larger than " + MAX_SIZE / 1024 + " KiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        return Utf8.decode(bytes).orElseThrow(() -> new IOException("not a text file (invalid UTF-8)"));
    }

    private static String describe(IOException ex) {
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
