package org.port853.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.ItemSnapshot;
import org.port853.change.JournalStore;
import org.port853.change.ResolverControl;
import org.port853.core.DesiredSettings;
import org.port853.core.Sentence;
import org.port853.platform.linux.FileItemStore;

@DisplayName("the privileged path: trusted code only, the authorized action only, one audit line per change")
class PrivilegedPathTest {
    @TempDir
    Path dir;
    final List<String> audit = new ArrayList<>();
    Consumer<String> oldSink;

    @BeforeEach
    void captureAudit() {
        oldSink = AuditLog.redirect(audit::add);
    }

    @AfterEach
    void restoreAudit() {
        AuditLog.redirect(oldSink);
    }

    @Test
    void codeAnyoneButRootCanWriteIsNotTrusted() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("usr/lib/port853/lib"));
        Path helper = Files.writeString(tree.resolve("port853-helper"), "#!/bin/sh\n");
        // @TempDir lives under /tmp (world-writable): never trusted, whoever owns the file
        assertTrue(TrustedCode.problem(helper).orElseThrow().contains("can be written by users other than root"),
                TrustedCode.problem(helper).toString());
        assertTrue(TrustedCode.problem(Path.of("/usr/bin/env")).isEmpty(), "a root-owned system file is trusted");
        Path usr = Path.of("/usr/lib/port853-trust-test-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(usr, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path jar = Files.writeString(usr.resolve("app.jar"), "x");
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            assertEquals(Optional.empty(), TrustedCode.problem(jar));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));
            assertTrue(TrustedCode.problem(jar).orElseThrow().contains("can be written"));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setOwner(jar, jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertTrue(TrustedCode.problem(jar).orElseThrow().contains("does not belong to root"));
        } finally {
            try (var s = Files.list(usr)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(usr);
        }
    }

    @Test
    void requesterComesFromPkexecOrSudo() {
        assertEquals(new Requester(1000, "pkexec"), Requester.of(Map.of("PKEXEC_UID", "1000", "SUDO_UID", "5"), 0));
        assertEquals(new Requester(1001, "sudo"), Requester.of(Map.of("SUDO_UID", "1001"), 0));
        assertEquals(new Requester(0, "direct"), Requester.of(Map.of("PKEXEC_UID", "1000; rm -rf /"), 0));
    }

    @Test
    @DisplayName("a document for another action than pkexec authorized is refused")
    void documentMustMatchTheAuthorizedAction() {
        byte[] revert = HelperDocuments.write(HelperRequest.of(HelperRequest.Action.REVERT));
        PrivilegedHelper.Response r = PrivilegedHelper.handle(revert, HelperRequest.Action.RECOVER,
                new Requester(1000, "pkexec"));
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("asks for revert but the helper was started for recover"), r.stderr());
        assertTrue(audit.isEmpty(), "nothing was changed, so nothing is audited: " + audit);
    }

    @Test
    @DisplayName("each privileged change is one audit line with the requesting uid")
    void auditLineWithUid() throws IOException {
        Path dropIn = dir.resolve("zz-port853.conf");
        PrivilegedPlatform fake = new SupportedPlatform() {
            @Override
            public List<ItemSnapshot> targetItems(HelperRequest r) {
                return List.of(FileItemStore.file(dropIn, "[Resolve]\n"));
            }

            @Override
            public ChangeEngine engine(Duration lockWait) {
                return new ChangeEngine(new JournalStore(dir.resolve("state")), new FileItemStore(Set.of(dropIn)),
                        healthy(), lockWait, List.of());
            }
        };
        HelperRequest apply = HelperDocuments.parse(("{\"version\":1,\"action\":\"apply\",\"settings\":{\"servers\":"
                + "[\"192.0.2.53#dot.test\"],\"mode\":\"strict\"}}").getBytes(StandardCharsets.UTF_8));
        PrivilegedHelper.Response r = PrivilegedHelper.handle(apply, fake, new Requester(1000, "pkexec"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, audit.size(), audit.toString());
        String line = audit.get(0);
        assertTrue(line.startsWith("uid=1000 via=pkexec action=apply (DNS-over-TLS strict with 1 server) "
                + "outcome=APPLIED"), line);
        assertTrue(!line.contains("\n"));
    }

    @Test
    @DisplayName("the helper asks the platform about the whole request (a resolv.conf link too), not only its settings")
    void refusalOfTheWholeRequest() {
        Path dropIn = dir.resolve("zz-port853.conf");
        PrivilegedPlatform refusesLinks = new SupportedPlatform() {
            @Override
            public Optional<Sentence> refusalSaid(HelperRequest r) {
                return r.linkResolverFile() ? Optional.of(Sentence.of("no link here", "refused.test")) : Optional.empty();
            }

            @Override
            public List<ItemSnapshot> targetItems(HelperRequest r) {
                throw new AssertionError("a refused request has no items");
            }

            @Override
            public ChangeEngine engine(Duration lockWait) {
                return new ChangeEngine(new JournalStore(dir.resolve("state")), new FileItemStore(Set.of(dropIn)),
                        unrestartable(), lockWait, List.of());
            }
        };
        PrivilegedHelper.Response r = PrivilegedHelper.handle(LINK, refusesLinks, new Requester(1000, "pkexec"));
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("REFUSED") && r.stdout().contains("no link here"), r.stdout());
        assertTrue(Files.notExists(dropIn) && Files.notExists(dir.resolve("state").resolve(JournalStore.JOURNAL)),
                "a refused request changes nothing");
    }

    @Test
    @DisplayName("an apply is refused for what is there once it holds the change lock, not for what was there before "
            + "another change that ran while it waited")
    void applyRefusalIsAskedUnderTheLock() {
        Path dropIn = dir.resolve("zz-port853.conf");
        Path overriding = dir.resolve("zzz-later.conf");
        PrivilegedPlatform refusesAnOverride = new SupportedPlatform() {
            @Override
            public Optional<Sentence> refusalSaid(HelperRequest r) {
                return Files.exists(overriding) ? Optional.of(Sentence.of("overridden", "refused.test")) : Optional.empty();
            }

            @Override
            public List<ItemSnapshot> targetItems(HelperRequest r) {
                return List.of(FileItemStore.file(dropIn, "[Resolve]\n"));
            }

            @Override
            public ChangeEngine engine(Duration lockWait) {
                ChangeEngine waiting = new ChangeEngine(new JournalStore(dir.resolve("state")),
                        new FileItemStore(Set.of(dropIn)), healthy(), lockWait, List.of());
                try { // what another change leaves, finished while this helper waits for the lock
                    Files.writeString(overriding, "[Resolve]\nDNSOverTLS=no\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return waiting;
            }
        };
        PrivilegedHelper.Response r = PrivilegedHelper.handle(LINK, refusesAnOverride, new Requester(1000, "pkexec"));
        assertEquals(1, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(r.stdout().contains("REFUSED") && r.stdout().contains("overridden"), r.stdout());
        assertTrue(Files.notExists(dropIn), "the refused apply wrote its drop-in");
    }

    static final HelperRequest LINK = HelperRequest.apply(new DesiredSettings(List.of(
            org.port853.core.ServerAddress.parse("192.0.2.53#dot.test")), org.port853.core.DotMode.STRICT,
            org.port853.core.DnssecMode.NO, true, List.of()), true);

    /** A resolver that restarts and resolves over an encrypted connection. */
    static ResolverControl healthy() {
        return new ResolverControl() {
            @Override
            public void reload() {
            }

            @Override
            public Health check(boolean requireEncrypted) {
                return new Health(true, true, "resolved example.com over an encrypted connection", "192.0.2.53");
            }
        };
    }

    /** A resolver that must not be restarted: nothing is written, so nothing is loaded. */
    static ResolverControl unrestartable() {
        return new ResolverControl() {
            @Override
            public void reload() {
                throw new AssertionError("restarted the resolver");
            }

            @Override
            public Health check(boolean requireEncrypted) {
                throw new AssertionError("checked the resolver");
            }
        };
    }

    @Test
    @DisplayName("a recover that finishes an interrupted revert tidies up after it as a revert does (the drop-in "
            + "directory Port853 created goes again)")
    void recoverThatFinishesARevertTidiesUp() throws IOException {
        Path dropIn = dir.resolve("zz-port853.conf");
        JournalStore journals = new JournalStore(dir.resolve("state"));
        List<ItemSnapshot> absent = List.of(FileItemStore.absent(dropIn));
        journals.save(new org.port853.change.Journal(absent, new org.port853.change.ChangeRecord("r",
                java.time.Instant.now(), "revert to the settings from before Port853", false, absent, absent)));
        List<String> tidied = new ArrayList<>();
        org.port853.change.Surroundings recorded = new org.port853.change.Surroundings() {
            @Override
            public void prepare() {
                throw new AssertionError("recover prepares nothing");
            }

            @Override
            public void tidy() {
                tidied.add("after revert");
            }
        };
        PrivilegedPlatform fake = new SupportedPlatform() {
            @Override
            public List<ItemSnapshot> targetItems(HelperRequest r) {
                throw new AssertionError("recover has no items of its own");
            }

            @Override
            public ChangeEngine engine(Duration lockWait) {
                return new ChangeEngine(journals, new FileItemStore(Set.of(dropIn)), new ResolverControl() {
                    @Override
                    public void reload() {
                    }

                    @Override
                    public Health check(boolean requireEncrypted) {
                        return new Health(true, false, "resolved example.com", "192.0.2.53");
                    }
                }, lockWait, List.of(), x -> null, recorded);
            }
        };
        PrivilegedHelper.Response r = PrivilegedHelper.handle(HelperRequest.of(HelperRequest.Action.RECOVER), fake,
                new Requester(0, "direct"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("REVERTED"), r.stdout());
        assertEquals(List.of("after revert"), tidied);
    }

    /** A supported platform that refuses no settings; tests add the rest. */
    private abstract static class SupportedPlatform implements PrivilegedPlatform {
        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public Optional<String> refusal(DesiredSettings s) {
            return Optional.empty();
        }

        @Override
        public PortHardening hardening(java.time.Duration lockWait) {
            throw new UnsupportedOperationException("not asked for in these tests");
        }
    }
}
