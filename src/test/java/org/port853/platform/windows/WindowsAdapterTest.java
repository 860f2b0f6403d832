package org.port853.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DotMode;
import org.port853.core.ResolverState;
import org.port853.helper.HelperDocuments;
import org.port853.platform.ApplyResult;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.Plan;
import org.port853.platform.ResolverAdapter;

class WindowsAdapterTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("found by ServiceLoader, unsupported on Linux")
    void serviceLoader() {
        ResolverAdapter a = ServiceLoader.load(ResolverAdapter.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x instanceof WindowsResolverAdapter).findFirst().orElseThrow();
        assertFalse(a.isSupported());
        assertEquals("windows-dnsclient", a.id());
    }

    /** Elevation that runs the elevated entry point in-process against the fake machine, as UAC would start it. */
    private WindowsResolverAdapter adapter(FakeWindows w, boolean admin, List<String> seen) {
        WindowsSystem system = w.system(tmp.resolve("ProgramData/Port853"));
        Elevation uac = (program, parameters) -> {
            seen.add(program + " " + parameters);
            String[] p = parameters.replace("\"", "").split(" ");
            int i = List.of(p).indexOf("--windows-helper");
            return WindowsHelperMain.run(java.util.Arrays.copyOfRange(p, i + 1, p.length), system, admin);
        };
        return new WindowsResolverAdapter(system, WindowsPlannerTest.CATALOG,
                new WindowsElevatedClient(uac, tmp.resolve("user"), List.of("C:\\Program Files\\Port853\\Port853.exe")));
    }

    @Test
    @DisplayName("status, preview, apply through the elevated helper, revert: the machine ends as it started")
    void roundTrip() {
        FakeWindows w = FakeWindows.load("home-22631");
        String before = w.everything();
        List<String> seen = new java.util.ArrayList<>();
        WindowsResolverAdapter a = adapter(w, true, seen);
        ResolverState s = a.readState();
        assertEquals("Windows DNS client", s.resolverName());
        assertEquals("NOT_ENCRYPTED", a.assess(s).verdict().name());
        Plan p = a.plan(WindowsPlannerTest.quad9(DotMode.STRICT), s);
        assertTrue(p.diff().contains("+{\"autoUpgrade\":true,\"server\":\"9.9.9.9\""), p.diff());
        assertTrue(p.actions().contains("Set-DnsClientDohServerAddress"), p.actions().toString());
        assertTrue(p.actions().contains("Add-DnsClientNrptRule"), p.actions().toString());
        // the rule for "." takes a company's names too (the preview said nothing of it)
        assertTrue(p.notes().stream().anyMatch(n -> n.english().startsWith("names under a company's own DNS suffix")
                && n.english().contains("Add-DnsClientNrptRule -Namespace '.corp.example'")), p.notes().toString());
        assertEquals(List.of(), w.writes(), "a preview writes nothing");
        ApplyResult r = a.apply(WindowsPlannerTest.quad9(DotMode.STRICT));
        assertEquals(ApplyResult.Outcome.APPLIED, r.outcome(), r.reason());
        assertEquals("PROTECTED", a.assess(a.readState()).verdict().name(), () -> a.assess(a.readState()).toString());
        assertEquals(List.of(), a.plan(WindowsPlannerTest.quad9(DotMode.STRICT), a.readState()).notes(),
                "settings in place: nothing changes, nothing to say");
        assertTrue(seen.get(0).startsWith("C:\\Program Files\\Port853\\Port853.exe --windows-helper --request \""));
        assertEquals(ApplyResult.Outcome.REVERTED, a.revert().outcome());
        assertEquals(before, w.everything());
        try (var files = Files.list(tmp.resolve("user"))) {
            assertEquals(0, files.count(), "request and result files are removed");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("on a machine the fleet script set up, revert says that encryption stays on through the script's rule "
            + "(apply then revert put the rule back and said only 'restored the previous settings'), and so does Off's "
            + "preview and a revert that finds nothing of this Port853's")
    void revertSaysTheFleetScriptKeepsEncryptionOn() throws java.io.IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        PowerShellExportTest.runByItsLogic(PowerShellExportTest.script(DotMode.STRICT, "cloudflare"), w);
        WindowsResolverAdapter a = adapter(w, true, new java.util.ArrayList<>());
        ApplyResult.EncryptionStaysOn fleet = new ApplyResult.EncryptionStaysOn("yes", NrptRule.FLEET_COMMENT,
                ApplyResult.EncryptionStaysOn.SetBy.FLEET_SCRIPT);
        assertEquals(java.util.Optional.of(fleet), OutsideEncryption.staysOnAfterRevert(a.readState()),
                "Off's preview, while only the script's rule is in force");
        String note = "encrypted DNS (strict) stays on: Port853's fleet script for Windows (from 'port853 export --format "
                + "powershell') turns it on, with its NRPT rule for all names (comment '" + NrptRule.FLEET_COMMENT + "') "
                + "and the encryption entries of that rule's servers; it is not this Port853's, and revert removes only "
                + "what this Port853 wrote; to turn it off, undo the script as its header says";
        ApplyResult nothing = a.revert();
        assertEquals(ApplyResult.Outcome.UNCHANGED, nothing.outcome(), nothing.reason());
        assertTrue(nothing.reason().startsWith("nothing to revert: Port853 has no record of a change on this computer")
                && nothing.reason().endsWith("; " + note), nothing.reason());
        assertEquals(fleet, nothing.encryptionStaysOn());

        assertEquals(ApplyResult.Outcome.APPLIED, a.apply(WindowsPlannerTest.quad9(DotMode.STRICT)).outcome());
        ApplyResult r = a.revert();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertEquals("restored the previous settings; names resolve; " + note, r.reason(), "the command line's words");
        assertEquals(fleet, r.encryptionStaysOn(), "the fact, for --json and the window");
    }

    @Test
    @DisplayName("recover that finishes a revert killed as it cleared the cache says, as revert does, that the fleet "
            + "script's rule keeps encryption on (it said only 'restored the previous settings')")
    void recoverOfAnInterruptedRevertSaysTheFleetScriptKeepsEncryptionOn() throws java.io.IOException {
        FakeWindows w = FakeWindows.load("home-22631");
        PowerShellExportTest.runByItsLogic(PowerShellExportTest.script(DotMode.STRICT, "cloudflare"), w);
        WindowsResolverAdapter a = adapter(w, true, new java.util.ArrayList<>());
        assertEquals(ApplyResult.Outcome.APPLIED, a.apply(WindowsPlannerTest.quad9(DotMode.STRICT)).outcome());
        CommandRunner killedAtTheCacheClear = c -> {
            if (PowerShell.CLEAR_CACHE.equals(PowerShell.scriptOf(c))) {
                throw new Error("killed");
            }
            return w.run(c);
        };
        WindowsSystem crashing = new WindowsSystem(killedAtTheCacheClear, w, w, null, tmp.resolve("ProgramData/Port853"));
        try {
            WindowsHelper.handle(HelperDocuments.write(org.port853.helper.HelperRequest.of(
                    org.port853.helper.HelperRequest.Action.REVERT)), crashing, WindowsPlannerTest.CATALOG);
        } catch (Error expected) {
            // the process died here
        }
        ApplyResult r = a.recover();
        assertEquals(ApplyResult.Outcome.REVERTED, r.outcome(), r.reason());
        assertEquals(new ApplyResult.EncryptionStaysOn("yes", NrptRule.FLEET_COMMENT,
                ApplyResult.EncryptionStaysOn.SetBy.FLEET_SCRIPT), r.encryptionStaysOn(), r.reason());
        assertTrue(r.reason().startsWith("restored the previous settings; names resolve; encrypted DNS (strict) stays on: "
                + "Port853's fleet script for Windows"), r.reason());
    }

    @Test
    @DisplayName("the elevated entry point refuses to run without administrator rights")
    void notAdmin() {
        FakeWindows w = FakeWindows.load("home-22631");
        ApplyResult r = adapter(w, false, new java.util.ArrayList<>()).apply(WindowsPlannerTest.quad9(DotMode.STRICT));
        assertEquals(ApplyResult.Outcome.FAILED, r.outcome());
        assertEquals("refused: must run as administrator (through the UAC prompt)", r.reason(),
                "the reason reaches the unelevated side in the result document (UAC passes no stderr)");
        assertEquals(List.of(), w.writes());
    }

    @Test
    @DisplayName("the elevated entry point answers bad input with a reason in the result document and exit 2")
    void badInputReasons() throws Exception {
        FakeWindows w = FakeWindows.load("home-22631");
        WindowsSystem system = w.system(tmp.resolve("ProgramData/Port853"));
        Path dir = Files.createDirectories(tmp.resolve("user"));
        Path res1 = dir.resolve("r1.json");
        assertEquals(2, WindowsHelperMain.run(new String[] {"--request", dir.toString(), "--result", res1.toString()},
                system, true));
        assertEquals("refused: the request is not a small regular file", HelperDocuments.readResult(
                Files.readString(res1)).reason());

        Path big = Files.write(dir.resolve("big.json"), new byte[HelperDocuments.MAX_BYTES + 1]);
        Path res2 = dir.resolve("r2.json");
        assertEquals(2, WindowsHelperMain.run(new String[] {"--request", big.toString(), "--result", res2.toString()},
                system, true));
        assertTrue(Files.readString(res2).contains("not a small regular file"));

        Path harden = Files.write(dir.resolve("harden.json"), HelperDocuments.write(
                org.port853.helper.HelperRequest.of(org.port853.helper.HelperRequest.Action.HARDEN)));
        Path res3 = dir.resolve("r3.json");
        assertEquals(2, WindowsHelperMain.run(new String[] {"--request", harden.toString(), "--result", res3.toString()},
                system, true));
        assertEquals("refused: harden is not available on Windows", HelperDocuments.readResult(Files.readString(res3)).reason());

        assertEquals(2, WindowsHelperMain.run(new String[] {"--request", harden.toString()}, system, true), "usage");
        Path existing = Files.writeString(dir.resolve("existing.json"), "x");
        WindowsHelperMain.run(new String[] {"--request", harden.toString(), "--result", existing.toString()}, system, true);
        assertEquals("x", Files.readString(existing), "an existing file is never overwritten with a result");
        assertEquals(List.of(), w.writes(), "nothing was changed");
    }

    @Test
    @DisplayName("the elevated helper is started with an absolute class path (UAC does not keep the working directory)")
    void selfCommandIsAbsolute() {
        String sep = java.io.File.pathSeparator;
        List<String> c = WindowsResolverAdapter.selfCommand("C:\\jdk\\bin\\java.exe", "target/port853.jar" + sep + "lib/x.jar");
        assertEquals(List.of("C:\\jdk\\bin\\java.exe", "-cp", Path.of("target/port853.jar").toAbsolutePath() + sep
                + Path.of("lib/x.jar").toAbsolutePath(), "org.port853.app.Launcher"), c);
        assertEquals(List.of("C:\\Program Files\\Port853\\Port853.exe"),
                WindowsResolverAdapter.selfCommand("C:\\Program Files\\Port853\\Port853.exe", "ignored"));
    }
}
