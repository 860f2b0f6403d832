package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.change.ChangeEngine;
import org.port853.change.JournalStore;
import org.port853.change.ResolverControl;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;
import org.port853.helper.HelperDocuments;
import org.port853.platform.ApplyResult;
import org.port853.platform.Plan;
import org.port853.platform.demo.DemoResolverAdapter;
import org.port853.platform.linux.FileItemStore;
import org.port853.platform.linux.LinuxPaths;
import org.port853.platform.linux.ResolvedPlanner;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.apply.ChangeTexts;
import org.port853.ui.common.I18n;
import org.port853.ui.providers.ProviderSource;
import org.port853.ui.task.CurrentThreadTaskExecutor;

/** The apply sheet says the real planner's and change engine's plans and results in the window's language. */
class ChangeTextsTest {
    private static final DesiredSettings STRICT = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")),
            DotMode.STRICT, DnssecMode.NO, true, List.of());

    @TempDir
    Path root;

    private static <T> T german(Supplier<T> s) {
        return I18n.in(Locale.GERMAN, s);
    }

    private static <T> T english(Supplier<T> s) {
        return I18n.in(Locale.ENGLISH, s);
    }

    @Test
    void aRefusedApplyIsSaidInGerman() throws Exception {
        Plan refused = new ResolvedPlanner(LinuxPaths.under(root)).plan(STRICT, 238, List.of(), false);
        assertEquals("systemd 238 has no DNS-over-TLS (it arrived in 239)", refused.refusal(), "the command line's English");
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        adapter.nextPlan = refused;
        ApplyViewModel apply = new ApplyViewModel(new AppModel(new AppServices(adapter, () -> new Fakes.FakeCapture(null),
                new Fakes.AnsweringProbe(), ProviderSource.inMemory(), org.port853.core.ScratchFolders.create("port853-change-texts"),
                Runnable::run, new Fakes.RecordingNotifier(), false), new CurrentThreadTaskExecutor()));
        german(() -> {
            apply.begin(ApplyViewModel.Kind.APPLY, STRICT);
            return null;
        });
        assertEquals(ApplyViewModel.Phase.REFUSED, apply.phaseProperty().get());
        assertEquals("Diese Änderung ist nicht möglich: systemd 238 kennt kein DNS-over-TLS (es kam mit Version 239)",
                apply.summaryProperty().get());
        assertEquals("This change cannot be made: " + refused.refusal(), english(() -> I18n.t("apply.refused", ChangeTexts.refusal(refused))));
    }

    @Test
    void thePlansActionsAreSaidInGermanAndInTheCommandLinesEnglish() {
        Plan plan = new ResolvedPlanner(LinuxPaths.under(root)).plan(STRICT, 252, List.of(), false);
        String dropIn = LinuxPaths.under(root).ourDropIn().toString();
        assertEquals(dropIn + " schreiben\n"
                + "systemd-resolved.service aktivieren (systemctl enable)\n"
                + "systemctl restart systemd-resolved.service\n"
                + "Gesundheitsprüfung: einen Namen über systemd-resolved auflösen und eine verschlüsselte Antwort verlangen; "
                + "bei einem Fehlschlag zurückrollen", german(() -> ChangeTexts.actions(plan)));
        assertEquals(String.join("\n", plan.actions()), english(() -> ChangeTexts.actions(plan)));
    }

    @Test
    void theNoteThatApplyLowersTheAdminsStrictModeIsSaidInThePreviewAndWithTheResult() throws IOException {
        LinuxPaths paths = LinuxPaths.under(root);
        Files.createDirectories(paths.mainConf().getParent());
        Files.writeString(paths.mainConf(), "[Resolve]\nDNSOverTLS=yes\n");
        DesiredSettings opportunistic = new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9")), DotMode.OPPORTUNISTIC,
                null, false, List.of());
        Plan plan = new ResolvedPlanner(paths).plan(opportunistic, 252, List.of(), false);
        String english = plan.notes().get(0).english();
        assertEquals("T" + english.substring(1) + ".", english(() -> ChangeTexts.notes(plan)), "the command line's English");
        String german = "Dies senkt DNS-over-TLS von strikt (gesetzt in " + paths.mainConf() + ") auf opportunistisch: "
                + "Die Drop-in-Datei von Port853 wird nach dieser Datei gelesen und gilt daher bis „port853 revert“.";
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(ServerAddress.parse("9.9.9.9#dns.quad9.net")), true));
        adapter.nextPlan = plan;
        adapter.delayMs = 0;
        ApplyViewModel apply = new ApplyViewModel(new AppModel(new AppServices(adapter, () -> new Fakes.FakeCapture(null),
                new Fakes.AnsweringProbe(), ProviderSource.inMemory(), org.port853.core.ScratchFolders.create("port853-change-texts"),
                Runnable::run, new Fakes.RecordingNotifier(), false), new CurrentThreadTaskExecutor()));
        german(() -> {
            apply.begin(ApplyViewModel.Kind.APPLY, opportunistic);
            return null;
        });
        assertEquals(ApplyViewModel.Phase.PREVIEW, apply.phaseProperty().get(), apply.summaryProperty().get());
        assertTrue(apply.summaryProperty().get().endsWith("\n" + german), apply.summaryProperty().get());
        german(() -> {
            apply.confirm();
            return null;
        });
        assertEquals(ApplyViewModel.Phase.RESULT, apply.phaseProperty().get(), apply.summaryProperty().get());
        assertTrue(apply.summaryProperty().get().endsWith("\n" + german), "said again once it is in place: "
                + apply.summaryProperty().get());
        adapter.nextApply = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, "no server answered");
        german(() -> {
            apply.begin(ApplyViewModel.Kind.APPLY, opportunistic);
            apply.confirm();
            return null;
        });
        assertFalse(apply.summaryProperty().get().contains("senkt"), "rolled back, it lowered nothing: "
                + apply.summaryProperty().get());
    }

    /** The strict plan on systemd 252 where /etc/resolv.conf holds {@code resolvConf}, linked to the stub or not. */
    private static Plan strictPlanWith(LinuxPaths paths, String resolvConf, boolean link) throws java.io.IOException {
        java.nio.file.Files.createDirectories(paths.ourDropIn().getParent());
        java.nio.file.Files.writeString(paths.resolvConf(), resolvConf);
        return new ResolvedPlanner(paths).plan(STRICT, 252, List.of(), link);
    }

    @Test
    void whatTheLinkToTheStubDropsIsSaidInGermanAndInTheCommandLinesEnglish() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Plan plan = strictPlanWith(paths, "search corp.example\noptions ndots:2\nnameserver 10.0.0.1\n", true);
        String de = german(() -> ChangeTexts.notes(plan));
        assertTrue(de.contains("Die Suchdomänen corp.example der jetzigen Datei " + paths.resolvConf()
                + " gehören nicht zu den Suchdomänen von systemd-resolved;"), de);
        assertTrue(de.contains("Die Optionen ndots:2 der jetzigen Datei " + paths.resolvConf() + " entfallen: "
                + "Die Stub-Datei setzt nur die eigenen von systemd-resolved (edns0 trust-ad)"), de);
        assertTrue(english(() -> ChangeTexts.notes(plan)).startsWith("The search domains corp.example"),
                english(() -> ChangeTexts.notes(plan)));
    }

    @Test
    void theSearchDomainsResolvedNoLongerImportsAreSaidInGerman() throws Exception {
        LinuxPaths paths = LinuxPaths.under(root);
        Plan plan = strictPlanWith(paths, "search corp.example\nnameserver 10.0.0.1\n", false);
        String de = german(() -> ChangeTexts.notes(plan));
        assertTrue(de.contains("Systemd-resolved durchsucht corp.example nur, weil es sie aus " + paths.resolvConf()
                + " übernimmt"), de);
        assertTrue(english(() -> ChangeTexts.notes(plan)).startsWith("Systemd-resolved searches corp.example only"),
                english(() -> ChangeTexts.notes(plan)));
    }

    /** A healthy resolver after a scripted failed check: the engine rolls the change back. */
    private static final class FailingOnce implements ResolverControl {
        final Deque<Health> answers = new ArrayDeque<>(List.of(
                new Health(false, false, "resolving example.com failed: certificate not trusted", null)));

        @Override public void reload() { }
        @Override public Health check(boolean requireEncrypted) {
            return answers.isEmpty() ? new Health(true, false, "resolved example.com", null) : answers.poll();
        }
    }

    @Test
    void aRolledBackChangeIsSaidInGermanAfterTheHelpersDocument() throws IOException {
        Path dropIn = root.resolve("zz-port853.conf");
        ChangeEngine engine = new ChangeEngine(new JournalStore(root.resolve("state")), new FileItemStore(Set.of(dropIn)),
                new FailingOnce(), Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
        ApplyResult direct = engine.apply(List.of(FileItemStore.file(dropIn, "[Resolve]\nDNSOverTLS=yes\n")), "strict", true);
        assertEquals(ApplyResult.Outcome.ROLLED_BACK, direct.outcome());
        assertFalse(Files.exists(dropIn), "rolled back");
        // what the window gets: the privileged helper's result document, read back
        ApplyResult r = HelperDocuments.readResult(HelperDocuments.writeResult(direct));
        assertEquals(direct.reasonWords(), r.reasonWords(), "the words survive the helper's document");
        assertEquals(direct.actionWords(), r.actionWords(), "the words survive the helper's document");
        assertFalse(HelperDocuments.resultNode(direct).has("reasonWords") || HelperDocuments.resultNode(direct).has("actionWords"),
                "the command line's --json document is unchanged");
        assertEquals("rolled back: resolving example.com failed: certificate not trusted", r.reason(), "the command line's English");

        assertEquals("Zurückgerollt: die Prüfung nach der Änderung schlug fehl: resolving example.com failed: certificate "
                + "not trusted. Die vorherigen Einstellungen gelten wieder; prüfen Sie die Server auf dem Bildschirm "
                + "„Diagnose“ oder wählen Sie andere Anbieter.", german(() -> ApplyViewModel.resultText(r)),
                "a health check's detail without words stays as it is");
        assertEquals("Rolled back: resolving example.com failed: certificate not trusted. The previous settings are back; "
                + "check the servers on the Diagnostics screen or choose other providers.",
                english(() -> ApplyViewModel.resultText(r)));
        String actions = german(() -> ChangeTexts.actions(r));
        assertTrue(actions.startsWith("die Änderung in " + root.resolve("state") + " festhalten\n" + dropIn + " schreiben\n"
                + "den Resolver neu starten\nGesundheitsprüfung: resolving example.com failed: certificate not trusted\n"
                + "zz-port853.conf entfernen".replace("zz-port853.conf", dropIn.toString())), actions); // absent before
        assertEquals(String.join("\n", r.actions()), english(() -> ChangeTexts.actions(r)), "English as the command line says it");
    }

    @Test
    @DisplayName("a rollback whose check a link inheriting strict mode failed says the link's fix, not 'check the servers "
            + "on the Diagnostics screen or choose other providers' (the chosen servers answered)")
    void aRollbackCausedByALinkSaysNotToCheckTheServers() throws IOException {
        org.port853.core.Sentence link = org.port853.core.Sentence.of("a name that does not exist (port853-1.example.com) "
                + "got no answer", ApplyResult.STRICT_LINK, "port853-1.example.com", "All attempts", "eth0", "192.0.2.1");
        ApplyResult own = ApplyResult.of(ApplyResult.Outcome.ROLLED_BACK, org.port853.core.Sentence.of("rolled back: "
                + link.english(), ApplyResult.ROLLED_BACK_WORDING, ApplyResult.ROLLED_BACK_BY_CHECK, link, 0, null));
        ApplyResult r = HelperDocuments.readResult(HelperDocuments.writeResult(own));
        String en = english(() -> ApplyViewModel.resultText(r));
        assertTrue(en.startsWith("Rolled back: a name that does not exist (port853-1.example.com) got no answer (All "
                + "attempts): link eth0 has its own DNS server (192.0.2.1, default route)"), en);
        assertTrue(en.contains("(Route all domains, or Protect my DNS)") && en.endsWith("The previous settings are back."),
                en);
        String de = german(() -> ApplyViewModel.resultText(r));
        assertTrue(de.contains("die Verbindung eth0 hat einen eigenen DNS-Server (192.0.2.1, Standardroute)"), de);
        assertTrue(de.endsWith("Die vorherigen Einstellungen gelten wieder."), de);
    }

    @Test
    void aRevertThatKeepsTheResolverStartedAtBootSaysSoInBothLanguages() throws IOException {
        Path dropIn = root.resolve("zz-port853.conf");
        ResolverControl neededAtBoot = new ResolverControl() {
            @Override public boolean offAtBoot() { return true; }
            @Override public boolean disableAtBoot() { return false; }
            @Override public void reload() { }
            @Override public Health check(boolean requireEncrypted) {
                return new Health(true, requireEncrypted, "resolved example.com", null);
            }
        };
        ChangeEngine engine = new ChangeEngine(new JournalStore(root.resolve("state")), new FileItemStore(Set.of(dropIn)),
                neededAtBoot, Duration.ofMillis(500), List.of(FileItemStore.absent(dropIn)));
        engine.apply(List.of(FileItemStore.file(dropIn, "[Resolve]\nDNSOverTLS=yes\n")), "strict", true);
        ApplyResult r = HelperDocuments.readResult(HelperDocuments.writeResult(engine.revert()));
        assertEquals(r.reason(), english(() -> ChangeTexts.reason(r)), "the window's English is the command line's");
        assertTrue(german(() -> ChangeTexts.reason(r)).endsWith(
                "; systemd-resolved wird weiter beim Systemstart gestartet, weil /etc/resolv.conf ihn verwendet"),
                german(() -> ChangeTexts.reason(r)));
        assertEquals(String.join("\n", r.actions()), english(() -> ChangeTexts.actions(r)));
        assertTrue(german(() -> ChangeTexts.actions(r)).contains("systemd-resolved wird weiter beim Systemstart gestartet, "
                + "obwohl Port853 das eingeschaltet hat"), german(() -> ChangeTexts.actions(r)));
    }

    @Test
    void theDemosPlanAndResultsAreSaidInGerman() {
        DemoResolverAdapter demo = new DemoResolverAdapter(Duration.ZERO, false);
        Plan plan = demo.plan(STRICT, demo.readState());
        assertEquals("(Demo) systemd-resolved.service neu starten\n(Demo) Gesundheitsprüfung: einen Namen über resolved "
                + "auflösen und eine verschlüsselte Antwort verlangen", german(() -> ChangeTexts.actions(plan)));
        ApplyResult recovered = demo.recover();
        assertTrue(german(() -> ApplyViewModel.resultText(recovered)).startsWith(
                "Zurückgerollt: (Demo) die unterbrochene Änderung hat die Gesundheitsprüfung nicht bestanden"));
        assertEquals(String.join("\n", recovered.actions()), english(() -> ChangeTexts.actions(recovered)));
        assertEquals("Geplant; nichts wurde geändert.", german(() -> ApplyViewModel.resultText(demo.harden(true))));
    }

    @Test
    void theWindowsDemosPlanAndRefusalAreSaidInGerman() {
        org.port853.platform.windows.demo.WindowsDemoAdapter windows = new org.port853.platform.windows.demo.WindowsDemoAdapter();
        Plan plan = windows.plan(STRICT, windows.readState());
        assertFalse(plan.isRefused(), plan.refusal());
        String de = german(() -> ChangeTexts.actions(plan));
        assertTrue(de.contains("\n(Demo) Clear-DnsClientCache\n(Demo) Gesundheitsprüfung: ") && de.endsWith(" mit DnsQueryEx auflösen (am Cache vorbei)"),
                de);
        assertEquals(String.join("\n", plan.actions()), english(() -> ChangeTexts.actions(plan)), "PowerShell commands as they are");
        assertEquals("Abgelehnt: Demo: Dieser Windows-Beispielrechner zeigt Änderungen, nimmt sie aber nicht vor (nur "
                + "die Linux-Demo simuliert Änderungen)",
                german(() -> ApplyViewModel.resultText(windows.apply(STRICT))));
        Plan off = windows.plan(new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false, List.of()), windows.readState());
        assertEquals("unter Windows heißt Verschlüsselung ausschalten „port853 revert“ (es stellt die Einstellungen von vor "
                + "Port853 wieder her)", german(() -> ChangeTexts.refusal(off)));
        assertEquals(off.refusal(), english(() -> ChangeTexts.refusal(off)));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the window's Windows preview names the settings in words ('Wi-Fi (IPv4)'), never "
            + "by their item keys")
    void theWindowsPreviewNamesSettingsInWords() throws Exception {
        ApplyViewModel apply = new ApplyViewModel(new AppModel(new AppServices(
                new org.port853.platform.windows.demo.WindowsDemoAdapter(), () -> new Fakes.FakeCapture(null),
                new Fakes.AnsweringProbe(), ProviderSource.inMemory(), org.port853.core.ScratchFolders.create(
                "port853-change-texts"), Runnable::run, new Fakes.RecordingNotifier(), false),
                new CurrentThreadTaskExecutor()));
        english(() -> {
            apply.begin(ApplyViewModel.Kind.APPLY, STRICT);
            return null;
        });
        String shown = apply.diffProperty().get() + apply.actionsProperty().get() + apply.summaryProperty().get();
        assertTrue(apply.diffProperty().get().contains("+++ Wi-Fi (IPv4)\n"), shown);
        assertFalse(shown.contains("win:"), shown);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("on Windows, Off's preview and a revert's result say that the fleet script's rule keeps "
            + "encryption on, in the command line's words, in English and German (they said 'the configuration returns' "
            + "and 'back as it was')")
    void windowsFleetScriptKeepsEncryptionOn() {
        var fleet = new org.port853.platform.windows.WindowsDetails(22631, "Professional", "23H2", false,
                org.port853.platform.windows.YesNo.NO, List.of(),
                List.of(new org.port853.platform.windows.EncryptionEntry("1.1.1.1",
                        org.port853.platform.windows.EncryptionEntry.Protocol.DOH, "https://cloudflare-dns.com/dns-query",
                        null, true, true)),
                List.of(new org.port853.platform.windows.NrptRule("{0F1EE7}", List.of("."), List.of("1.1.1.1"),
                        org.port853.platform.windows.NrptRule.FLEET_COMMENT)), false, null, false, false);
        var state = org.port853.platform.windows.WindowsStates.of(fleet, null, org.port853.core.StateSource.WINDOWS);
        String note = org.port853.platform.OutsideEncryption.note(org.port853.platform.OutsideEncryption.staysOn(state)
                .orElseThrow()).english();
        assertTrue(note.startsWith("encrypted DNS (opportunistic) stays on: Port853's fleet script for Windows"), note);
        assertEquals("Turn off Port853's settings: they are removed and the system's own configuration returns. "
                + Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".",
                english(() -> org.port853.ui.apply.ChangeSummary.turningOff(state)), "Off's preview, before the revert");
        assertTrue(german(() -> org.port853.ui.apply.ChangeSummary.turningOff(state)).endsWith("Verschlüsseltes DNS "
                + "(opportunistisch) bleibt an: Das Flotten-Skript von Port853 für Windows (aus „port853 export --format "
                + "powershell“) schaltet es ein, mit seiner NRPT-Regel für alle Namen (Kommentar „"
                + org.port853.platform.windows.NrptRule.FLEET_COMMENT + "“) und den Verschlüsselungseinträgen der Server "
                + "dieser Regel; es gehört nicht zu diesem Port853, und Zurücksetzen entfernt nur, was dieses Port853 "
                + "geschrieben hat; zum Ausschalten nehmen Sie das Skript zurück, wie dessen Kopfkommentar es beschreibt."),
                german(() -> org.port853.ui.apply.ChangeSummary.turningOff(state)));

        ApplyResult r = org.port853.platform.OutsideEncryption.afterRevert(ApplyResult.of(ApplyResult.Outcome.REVERTED, ""),
                state);
        assertEquals("Reverted: the system configuration is back as it was. Encryption stays on (opportunistic): Port853's "
                + "fleet script for Windows (from 'port853 export --format powershell') turns it on with its NRPT rule for "
                + "all names (comment '" + org.port853.platform.windows.NrptRule.FLEET_COMMENT + "'), not this Port853. "
                + "To turn it off, undo the script as its header says.", english(() -> ApplyViewModel.resultText(r)));
        assertTrue(german(() -> ApplyViewModel.resultText(r)).contains("Die Verschlüsselung bleibt an (opportunistisch): "
                + "Das Flotten-Skript von Port853 für Windows"), german(() -> ApplyViewModel.resultText(r)));
        assertEquals("Port853's settings removed", english(() -> ApplyViewModel.resultTitle(r)));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("turning Port853's encryption off while the system's own file turns it on: the result "
            + "says it stays on and names the file, in both languages")
    void aRevertThatLeavesEncryptionOnSaysSo() {
        DemoResolverAdapter demo = new DemoResolverAdapter(Duration.ZERO, false);
        assertEquals(ApplyResult.Outcome.APPLIED, demo.apply(STRICT).outcome());
        ApplyResult r = demo.revert();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertEquals("Reverted: the system configuration is back as it was. Encryption stays on (opportunistic): "
                + "/etc/systemd/resolved.conf turns it on, outside Port853. To turn it off, change DNSOverTLS= in that "
                + "file.", english(() -> ApplyViewModel.resultText(r)));
        assertTrue(german(() -> ApplyViewModel.resultText(r)).contains("Die Verschlüsselung bleibt an (opportunistic): "
                + "/etc/systemd/resolved.conf schaltet sie ein"), german(() -> ApplyViewModel.resultText(r)));
        assertTrue(r.reason().contains("DNS-over-TLS (opportunistic) stays on: it is set in /etc/systemd/resolved.conf"),
                "the command line's English: " + r.reason());
        assertEquals("Port853's settings removed", english(() -> ApplyViewModel.resultTitle(r)),
                "the sheet's title does not say encryption was turned off");
        assertEquals("Einstellungen von Port853 entfernt", german(() -> ApplyViewModel.resultTitle(r)));
        assertEquals("Encryption turned off", english(() -> ApplyViewModel.resultTitle(
                ApplyResult.of(ApplyResult.Outcome.REVERTED, "restored the previous settings; names resolve"))));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("run as root, the apply sheet's refusal and the change's sentences say their "
            + "commands as root types them, in both languages, as Status does")
    void rootIsToldCommandsWithoutSudo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.port853.core.Privileges.isRoot(), "the tests run as root");
        Plan masked = Plan.refused(org.port853.core.Sentence.of("systemd-resolved is masked, so it cannot be enabled "
                + "or started; unmask it first (sudo systemctl unmask systemd-resolved.service)", "refused.masked"));
        assertTrue(english(() -> ChangeTexts.refusal(masked)).endsWith("(systemctl unmask systemd-resolved.service)"),
                english(() -> ChangeTexts.refusal(masked)));
        assertFalse(german(() -> ChangeTexts.refusal(masked)).contains("sudo"), german(() -> ChangeTexts.refusal(masked)));
        org.port853.platform.ApplyResult missing = org.port853.platform.ApplyResult.of(
                org.port853.platform.ApplyResult.Outcome.REVERTED, org.port853.core.Sentence.of("x",
                        "result.resolv-conf-missing-again", "/run/systemd/resolve/stub-resolv.conf"));
        assertFalse(english(() -> ChangeTexts.reason(missing)).contains("sudo"), english(() -> ChangeTexts.reason(missing)));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the window's 'polkit is not running' says what a window user can do (start "
            + "Port853 as root), not 'run the command with sudo': the window ran no command; the command line keeps it")
    void noPolkitInTheWindowSaysStartPort853AsRoot() {
        org.port853.core.Sentence said = org.port853.core.Sentence.of("polkit, which asks for the password, is not "
                + "running (pkexec: Error getting authority); nothing was changed: start it (sudo systemctl start "
                + "polkit) or run the command with sudo", "result.no-polkit", "Error getting authority");
        org.port853.platform.ApplyResult r = org.port853.platform.ApplyResult.of(
                org.port853.platform.ApplyResult.Outcome.FAILED, said);
        assertTrue(english(() -> ChangeTexts.reason(r)).endsWith("or start Port853 as root"),
                english(() -> ChangeTexts.reason(r)));
        assertTrue(german(() -> ChangeTexts.reason(r)).endsWith("oder starten Sie Port853 als Root"),
                german(() -> ChangeTexts.reason(r)));
    }
}
