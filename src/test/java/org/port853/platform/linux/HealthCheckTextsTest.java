package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.JournalStore;
import org.port853.change.ResolverControl;
import org.port853.helper.HelperDocuments;
import org.port853.platform.ApplyResult;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.apply.ChangeTexts;
import org.port853.ui.common.I18n;

/**
 * A health check's finding reaches the window in its language through the privileged helper's document: a German
 * sentence says what failed and what to do, and systemd-resolved's own error text is kept verbatim, quoted.
 */
class HealthCheckTextsTest {
    /** resolved's D-Bus error text for a lookup no server answered (org.freedesktop.resolve1.NoNameServers). */
    private static final String RESOLVED_SAYS = "All attempts to contact name servers or networks failed";

    @TempDir
    Path root;

    /** The real health check on scripted lookups that all get {@code reply}. */
    private static ResolverControl control(ResolvedBus.Lookup reply) {
        ResolvedHealthCheckTest.Scripted lookups = new ResolvedHealthCheckTest.Scripted(ResolvedHealthCheckTest.desktop(),
                reply);
        ResolvedHealthCheck check = new ResolvedHealthCheck(lookups, lookup -> {
            throw new AssertionError("252 reports the transport");
        }, new ResolvedFeatures(252), "example.com", Duration.ofMillis(300));
        return new ResolverControl() {
            @Override public void reload() { }
            @Override public Health check(boolean requireEncrypted) {
                return check.check(requireEncrypted);
            }
        };
    }

    private ApplyResult applied(ResolverControl control) throws IOException {
        Path dropIn = root.resolve("zz-port853.conf");
        ChangeEngine engine = new ChangeEngine(new JournalStore(root.resolve("state")), new FileItemStore(Set.of(dropIn)),
                control, Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
        ApplyResult direct = engine.apply(List.of(FileItemStore.file(dropIn, "[Resolve]\nDNSOverTLS=yes\n")), "strict", true);
        return HelperDocuments.readResult(HelperDocuments.writeResult(direct));
    }

    @Test
    void aFailedLookupIsSaidInGermanWithResolvedsOwnTextQuoted() throws IOException {
        ApplyResult r = applied(control(ResolvedBus.Lookup.failed(RESOLVED_SAYS,
                "org.freedesktop.resolve1.NoNameServers")));
        assertEquals(ApplyResult.Outcome.ROLLED_BACK, r.outcome());
        assertTrue(r.reason().startsWith("rolled back: resolving example.com failed: " + RESOLVED_SAYS), "the command "
                + "line's English: " + r.reason());
        String german = I18n.in(Locale.GERMAN, () -> ApplyViewModel.resultText(r));
        assertTrue(german.startsWith("Zurückgerollt: die Prüfung nach der Änderung schlug fehl: die Testabfrage example.com "
                + "wurde nicht beantwortet; systemd-resolved meldet: „" + RESOLVED_SAYS + "“"), german);
        assertTrue(german.endsWith("Die vorherigen Einstellungen gelten wieder; prüfen Sie die Server auf dem Bildschirm "
                + "„Diagnose“ oder wählen Sie andere Anbieter."), "and what to do: " + german);
        assertTrue(I18n.in(Locale.GERMAN, () -> ChangeTexts.actions(r)).contains("Gesundheitsprüfung: die Testabfrage "
                + "example.com wurde nicht beantwortet; systemd-resolved meldet: „" + RESOLVED_SAYS + "“"));
    }

    @Test
    void aHealthyCheckNamesTheServerInGerman() throws IOException {
        ApplyResult r = applied(control(ResolvedHealthCheckTest.answer(0x840001L)));
        assertEquals(ApplyResult.Outcome.APPLIED, r.outcome());
        String actions = I18n.in(Locale.GERMAN, () -> ChangeTexts.actions(r));
        assertTrue(actions.contains("Gesundheitsprüfung: example.com wurde aus dem Netz aufgelöst, über eine verschlüsselte "
                + "Verbindung (beantwortet von dem globalen Server 198.18.53.2#dot.test über eth0)"), actions);
        assertEquals(String.join("\n", r.actions()), I18n.in(Locale.ENGLISH, () -> ChangeTexts.actions(r)),
                "English as the command line says it");
    }
}
