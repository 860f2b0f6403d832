package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.RegularFilesTest;

/** ResolvedUser read passwd and group the plain way: a named pipe there made every drop-in scan (status) wait for good. */
@DisplayName("systemd-resolved's user is read from passwd and group that are regular files only, never waited on")
class ResolvedUserTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final String USER = ResolvedUser.NAME + ":x:999999:999998::/:/usr/sbin/nologin\n";

    @TempDir
    Path etc;

    @Test
    void fromRegularFiles() throws Exception {
        Files.writeString(etc.resolve("passwd"), USER);
        Files.writeString(etc.resolve("group"), "files:x:4242:nobody," + ResolvedUser.NAME + "\n");
        assertEquals(Optional.of(new ResolvedUser(999999, Set.of(999998, 4242))), ResolvedUser.of(etc));
        Files.delete(etc.resolve("group"));
        assertEquals(Optional.of(new ResolvedUser(999999, Set.of(999998))), ResolvedUser.of(etc), "no group file");
    }

    @Test
    @DisplayName("a pipe as passwd: no user, at once")
    void aPipeAsPasswdNamesNoUser() throws Exception {
        RegularFilesTest.pipe(etc.resolve("passwd"));
        assertEquals(Optional.empty(), assertTimeoutPreemptively(QUICKLY, () -> ResolvedUser.of(etc)));
    }

    @Test
    @DisplayName("a pipe as group: no user (its groups unknown, nothing is checked rather than guessed), at once")
    void aPipeAsGroupNamesNoUser() throws Exception {
        Files.writeString(etc.resolve("passwd"), USER);
        RegularFilesTest.pipe(etc.resolve("group"));
        assertEquals(Optional.empty(), assertTimeoutPreemptively(QUICKLY, () -> ResolvedUser.of(etc)));
    }
}
