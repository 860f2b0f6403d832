package org.port853.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
    @TempDir
    Path dir;

    @Test
    @org.junit.jupiter.api.DisplayName("two processes' logs go into the one file, line by line, none into port853.log.1")
    void sharedByTwoWriters() throws IOException {
        Path f = dir.resolve("port853.log");
        Logs.AppendingFile window = new Logs.AppendingFile(f);
        Logs.AppendingFile command = new Logs.AppendingFile(f);
        for (Logs.AppendingFile h : java.util.List.of(window, command)) {
            h.setFormatter(new Logs.OneLine());
        }
        window.publish(new LogRecord(Level.WARNING, "from the window"));
        command.publish(new LogRecord(Level.WARNING, "from a command"));
        window.publish(new LogRecord(Level.WARNING, "the window again"));
        window.close();
        command.close();
        java.util.List<String> lines = Files.readAllLines(f);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("from the window") && lines.get(1).endsWith("from a command")
                && lines.get(2).endsWith("the window again"), lines.toString());
        assertFalse(Files.exists(dir.resolve("port853.log.1")));
        assertFalse(Files.exists(dir.resolve("port853.log.lck")));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a log rotated by another process: the next line goes to the new file")
    void followsARotationByAnotherProcess() throws IOException {
        Path f = dir.resolve("port853.log");
        Logs.AppendingFile window = new Logs.AppendingFile(f);
        window.setFormatter(new Logs.OneLine());
        window.publish(new LogRecord(Level.WARNING, "before"));
        Files.move(f, dir.resolve("port853.log.1")); // what rotate() does at another process's start
        window.publish(new LogRecord(Level.WARNING, "after"));
        window.close();
        assertTrue(Files.readString(f).endsWith("after" + System.lineSeparator()), Files.readString(f));
        assertFalse(Files.readString(dir.resolve("port853.log.1")).contains("after"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("root's log: a link or a hard link planted while its directory was open to all is "
            + "removed before root logs, never written through")
    void neverLogsThroughALink() throws IOException {
        Path logs = Files.createDirectory(dir.resolve("port853"));
        Files.setPosixFilePermissions(logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path victim = dir.resolve("anywhere");
        Files.createSymbolicLink(logs.resolve("port853.log"), victim);
        Logs.rootOnly(logs);
        new Logs.AppendingFile(logs.resolve("port853.log")).close();
        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(logs.resolve("port853.log"), java.nio.file.LinkOption.NOFOLLOW_LINKS));

        Path other = Files.writeString(dir.resolve("someone-elses"), "kept\n");
        Files.delete(logs.resolve("port853.log"));
        Files.createLink(logs.resolve("port853.log"), other);
        Logs.rootOnly(logs);
        new Logs.AppendingFile(logs.resolve("port853.log")).publish(new LogRecord(Level.SEVERE, "x"));
        assertEquals("kept\n", Files.readString(other));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("root's log directory, made world-writable by a caller's umask 000, is root's alone "
            + "again; what else an administrator set stays")
    void rootsLogDirectoryIsWritableByRootAlone() throws IOException {
        Path logs = Files.createDirectory(dir.resolve("port853"));
        Path log = Files.createFile(logs.resolve("port853.log"));
        Files.setPosixFilePermissions(logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(log, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Logs.rootOnly(logs);
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(logs)));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(log)));
        Files.setPosixFilePermissions(logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Logs.rootOnly(logs);
        assertEquals("rwxr-x---", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(logs)), "an administrator's 0750 stays");
        Logs.rootOnly(dir.resolve("new/port853"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> made =
                Files.getPosixFilePermissions(dir.resolve("new/port853"));
        assertFalse(made.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                || made.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE), made.toString());
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a line logged on an interrupted thread does not end the log (many catch blocks "
            + "restore the flag and then log)")
    void anInterruptedThreadDoesNotEndTheLog() throws IOException {
        Path f = dir.resolve("port853.log");
        Logs.AppendingFile h = new Logs.AppendingFile(f);
        h.setFormatter(new Logs.OneLine());
        h.publish(new LogRecord(Level.WARNING, "before"));
        Thread.currentThread().interrupt();
        try {
            h.publish(new LogRecord(Level.WARNING, "interrupted"));
        } finally {
            Thread.interrupted();
        }
        h.publish(new LogRecord(Level.WARNING, "after"));
        h.close();
        String text = Files.readString(f);
        assertTrue(text.contains("before") && text.contains("interrupted") && text.contains("after"), text);
    }

    @Test
    void rotatesPastOneMebibyteKeepingOneOldFile() throws IOException {
        Path f = dir.resolve("port853.log");
        Files.write(f, new byte[(int) Logs.MAX_BYTES + 1]);
        Logs.rotate(f);
        assertFalse(Files.exists(f));
        assertEquals(Logs.MAX_BYTES + 1, Files.size(dir.resolve("port853.log.1")));
        Files.writeString(f, "small");
        Logs.rotate(f);
        assertEquals("small", Files.readString(f));
    }

    @Test
    void oneLinePerEventWithTheCauses() {
        LogRecord r = new LogRecord(Level.WARNING, "the provider list\ncould not be read");
        r.setLoggerName("org.port853.ui.AppModel");
        r.setThrown(new IllegalStateException("bad", new IOException("disk")));
        String line = new Logs.OneLine().format(r);
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("WARNING org.port853.ui.AppModel: the provider list could not be read"), line);
        assertTrue(line.contains("IllegalStateException: bad | java.io.IOException: disk"), line);
    }
}
