package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.Assessor;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.Reason;
import org.port853.core.ResolvConfState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.Severity;
import org.port853.core.StateSource;
import org.port853.core.Verdict;
import org.port853.ui.common.I18n;
import org.port853.ui.status.ReasonTexts;

/**
 * /etc/systemd/resolved.conf.d that is a file or a symbolic link: every change is refused (the planner), so status says
 * so before the user tries, with the fix; resolved ignores the file and reads through the link, so DNS runs as the other
 * reasons say and the verdict is not lowered.
 */
@DisplayName("a drop-in folder that is a file or a link is said in status, before apply refuses it")
class DropInDirectoryReasonTest {
    @TempDir
    Path root;

    /** Strict mode with a named server, everything routed, resolv.conf at the stub: protected but for the folder. */
    ResolverState protectedWith(Path dir) {
        GlobalState g = new GlobalState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), List.of(), null,
                DotMode.STRICT, DnssecMode.NO, true, List.of(), "yes", "stub");
        LinuxDetails d = new LinuxDetails(252, new ResolvConfState(ResolvConfState.Kind.STUB, LinuxPaths.STUB_RESOLV_CONF,
                List.of("127.0.0.53")), List.of(), null, true, null, false, null, null, LinuxDetails.MAIN_CONF, null,
                false, LinuxDetails.NoDirectory.at(dir).orElse(null), false);
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, g, List.of(), null, null, d);
    }

    static Reason reason(ResolverState s) {
        return reason(s, "DROP_IN_DIR_UNUSABLE");
    }

    /** The reason of {@code code} the Linux rules give for {@code s}. */
    static Reason reason(ResolverState s, String code) {
        List<Reason> reasons = new LinuxRules().assess(s);
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(reasons.toString()));
    }

    /** The reason and its fix as the window says them in {@code language}. */
    static String words(Locale language, Reason r, ResolverState s) {
        return I18n.in(language, () -> {
            ReasonTexts.Text t = ReasonTexts.of(r, s);
            return t.message() + " / " + t.fix();
        });
    }

    @Test
    void aFileWhereTheFolderShouldBe() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Path dir = paths.ourDropIn().getParent();
        Files.createDirectories(dir.getParent());
        Files.writeString(dir, "[Resolve]\nDNSOverTLS=yes\n");
        ResolverState s = protectedWith(dir);

        Reason r = reason(s);
        assertTrue(new LinuxRules().refusesChanges(r), "the window says so before apply or Protect my DNS is tried");
        assertEquals(Severity.INFO, r.severity(), "resolved ignores the file: DNS runs as the other reasons say");
        assertEquals(Verdict.PROTECTED, Assessor.assess(s, new LinuxRules().assess(s)).verdict());
        assertEquals(dir + " is a file, not a folder: systemd-resolved ignores it, and Port853 cannot put its settings "
                + "there, so it cannot change the settings of the resolver (apply and Protect my DNS are refused) until the "
                + "file is moved away.", r.message());
        assertTrue(r.fix().endsWith("mv " + dir + " " + dir + ".old (systemd-resolved does not read it as it is)."),
                r.fix());
        assertEquals(dir + " is a file, not a folder: systemd-resolved ignores it, and Port853 cannot put its settings "
                + "there, so it cannot change the settings of the resolver (apply and Protect my DNS are refused) until the "
                + "file is moved away. / Move it away: " + (org.port853.core.Privileges.isRoot() ? "" : "sudo ") + "mv "
                + dir + " " + dir + ".old (systemd-resolved does not read it as it is).", words(Locale.ENGLISH, r, s));
        String german = words(Locale.GERMAN, r, s);
        assertTrue(german.startsWith(dir + " ist eine Datei, kein Ordner: systemd-resolved übergeht sie") && german
                .contains("„DNS schützen“") && german.contains("mv " + dir + " " + dir + ".old"), german);
        assertEquals("refused.drop-in-dir-not-dir", new ResolvedPlanner(paths).plan(
                org.port853.platform.linux.StubListenerOffTest.STRICT, 252, List.of(), false).refusalWords().wording(),
                "what status announces is what apply refuses");
    }

    @Test
    void aLinkWhereTheFolderShouldBe() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Path dir = paths.ourDropIn().getParent();
        Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(dir.getParent());
        Files.createSymbolicLink(dir, Path.of("../../elsewhere"));
        ResolverState s = protectedWith(dir);

        Reason r = reason(s);
        assertTrue(new LinuxRules().refusesChanges(r), "the window says so before apply or Protect my DNS is tried");
        assertEquals(Severity.INFO, r.severity(), "resolved reads through the link");
        // the link's target as a path from anywhere: '../../elsewhere' is relative to the link's folder, not to
        // where the user types the fix's command
        String elsewhere = root.resolve("elsewhere").toString();
        assertEquals(List.of(dir.toString(), "1", elsewhere), r.details());
        String english = words(Locale.ENGLISH, r, s);
        assertTrue(english.startsWith(dir + " is a symbolic link to " + elsewhere + ": systemd-resolved follows it, "
                + "but Port853 does not write through links") && english.contains("mkdir " + dir)
                && english.endsWith("copy into it the files from " + elsewhere + " that should stay."), english);
        String german = words(Locale.GERMAN, r, s);
        assertTrue(german.startsWith(dir + " ist ein symbolischer Link auf " + elsewhere + ": systemd-resolved folgt "
                + "ihm") && german.contains("mkdir " + dir), german);
        assertEquals("refused.drop-in-dir-symlink", new ResolvedPlanner(paths).plan(
                org.port853.platform.linux.StubListenerOffTest.STRICT, 252, List.of(), false).refusalWords().wording());
    }

    @Test
    void aFolderOrNoneIsNothingToSay() throws IOException {
        Path dir = LinuxPaths.under(root).ourDropIn().getParent();
        assertTrue(new LinuxRules().assess(protectedWith(dir)).stream()
                .noneMatch(r -> r.code().equals("DROP_IN_DIR_UNUSABLE")), "missing: apply creates it");
        Files.createDirectories(dir);
        assertTrue(new LinuxRules().assess(protectedWith(dir)).stream()
                .noneMatch(r -> r.code().equals("DROP_IN_DIR_UNUSABLE")));
    }
}
