package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import atlantafx.base.controls.ToggleSwitch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.capture.MeterSnapshot;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.probe.QueryOutcome;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.status.ProtectionState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Status screen's promises: one honest state, one action, fixes that do only what they say. */
class StatusScreenTest extends WindowTestBase {
    @org.junit.jupiter.api.AfterEach
    void systemLanguage() {
        org.port853.ui.common.I18n.use(null);
    }

    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");

    private static String label(FxRobot robot, String query) throws Exception {
        Label l = robot.lookup(query).query();
        return fx(l::getText);
    }

    /** Quad9, opportunistic, all domains routed, DNSSEC allow-downgrade. */
    private static ResolverState opportunisticQuad9() {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.OPPORTUNISTIC,
                DnssecMode.ALLOW_DOWNGRADE, true, List.of(new DomainEntry(".", true)), "yes", "stub");
        return Fakes.state(g, null);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("while the resolver is stopped the window looks every 2 seconds: started again "
            + "elsewhere, it shows within seconds, not at the next 10-second reading")
    void aStoppedResolverStartedElsewhereShowsAtOnce(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(new org.port853.core.ResolverState("systemd-resolved",
                org.port853.core.StateSource.NONE, true, false, null, List.of(), null, "systemd-resolved is not running",
                new org.port853.platform.linux.LinuxDetails(252, new org.port853.core.ResolvConfState(
                        org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                        List.of("127.0.0.53")), List.of())));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> window.statusViewModel().stateProperty().get() == ProtectionState.RESOLVER_STOPPED);
        fx(() -> {
            window.start(); // the rereads run from the window's start, as in the app (it reads the state once too)
            return null;
        });
        waitUntil(() -> !window.model().refreshingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        adapter.state = Fakes.strictState(List.of(QUAD9), true); // systemctl start, in a terminal
        long started = System.nanoTime();
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> org.testfx.util
                .WaitForAsyncUtils.asyncFx(() -> window.statusViewModel().stateProperty().get()
                        != ProtectionState.RESOLVER_STOPPED).get());
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertTrue(seconds < 8, "seen after " + seconds + " s; the 10-second reading would take up to 10");
    }

    @Test
    @DisplayName("a fix button keeps the keyboard focus when the state is read again: unchanged (no rebuild) and "
            + "changed (its row is rebuilt), so Space never presses Protect my DNS instead")
    void fixButtonKeepsFocusAcrossRereads(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#fix-OPPORTUNISTIC"));
        fx(() -> {
            robot.lookup("#fix-OPPORTUNISTIC").query().requestFocus();
            return null;
        });
        java.util.concurrent.Callable<String> focused = () -> fx(() -> {
            Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
        assertEquals("fix-OPPORTUNISTIC", focused.call());
        int reads = adapter.calls.size();
        fx(() -> {
            window.model().reread();
            return null;
        });
        waitUntil(() -> adapter.calls.size() > reads);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fix-OPPORTUNISTIC", focused.call(), "after a re-read that found the same");
        // the same fix, other reasons around it: its row is built again
        List<String> before = fx(() -> window.statusViewModel().reasons().stream().map(t -> t.reason().code()).toList());
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.OPPORTUNISTIC, DnssecMode.NO, false,
                List.of(), "yes", "stub");
        adapter.state = Fakes.state(g, null);
        fx(() -> {
            window.model().reread();
            return null;
        });
        waitUntil(() -> !fx(() -> window.statusViewModel().reasons().stream().map(t -> t.reason().code()).toList())
                .equals(before));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.statusViewModel().reasons().stream()
                .anyMatch(t -> t.reason().code().equals("OPPORTUNISTIC"))));
        assertEquals("fix-OPPORTUNISTIC", focused.call(), "after a re-read that changed the reasons");
    }

    @Test
    @DisplayName("Cloudflare's address under another TLS name is not called Cloudflare: Status names the server and its "
            + "name (a drop-in's 1.1.1.1#evil.example read 'Active servers: Cloudflare')")
    void aProvidersAddressUnderAnotherNameIsNotTheProvider(FxRobot robot) throws Exception {
        ServerAddress named = ServerAddress.parse("1.1.1.1#evil.example");
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(named), true)),
                () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> !label(robot, "#fact-providers").isEmpty() && !label(robot, "#fact-providers").equals("—"));
        assertEquals("1.1.1.1 (evil.example)", label(robot, "#fact-providers"));
        assertEquals(List.of(named), fx(() -> window.model().desired().servers()),
                "the draft built from the system keeps its name");
        fx(() -> {
            window.model().catalogue().stream().filter(p -> p.id().equals("cloudflare")).findFirst()
                    .ifPresent(window.model().chosen()::add);
            return null;
        });
        assertEquals(List.of(named, ServerAddress.parse("1.1.1.1#cloudflare-dns.com")),
                fx(() -> window.model().desired().servers().subList(0, 2)),
                "adding Cloudflare adds its own server, and the other name's stays");
    }

    @Test
    @DisplayName("demo: Off on encryption that resolved.conf sets names the file and offers no Turn off; after Protect, "
            + "Protect is gone and a protect that changes nothing offers only Close and Verify now")
    void offAndProtectDoNotPretend(FxRobot robot) throws Exception {
        org.port853.platform.demo.DemoResolverAdapter demo =
                new org.port853.platform.demo.DemoResolverAdapter(Duration.ofMillis(50), false);
        open(Fakes.services(demo, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        assertTrue(fx(sw::isSelected));
        robot.clickOn(sw.lookup(".thumb-area"));
        waitUntil(() -> visible(robot, "#apply-close"));
        String said = label(robot, "#apply-summary");
        assertTrue(said.contains("/etc/systemd/resolved.conf") && said.contains("outside Port853"), said);
        assertFalse(visible(robot, "#apply-confirm"), "no Turn off button that does nothing");
        assertFalse(visible(robot, "#apply-actions"));
        robot.clickOn("#apply-close");
        waitUntil(() -> !window.applyViewModel().busy());
        assertTrue(fx(sw::isSelected), "the switch still shows the real state");
        assertEquals("On · opportunistic, not authenticated", label(robot, "#switch-state"));

        robot.clickOn("#protect-button");
        waitUntil(() -> visible(robot, "#apply-confirm"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        robot.clickOn("#apply-close");
        waitUntil(() -> !window.applyViewModel().busy() && "On · strict, servers authenticated".equals(label(robot, "#switch-state")));
        assertFalse(visible(robot, "#protect-button"), "the system has what Protect sets: it is not offered again");

        fx(() -> {
            window.statusViewModel().protect();
            return null;
        });
        waitUntil(() -> visible(robot, "#apply-close"));
        assertTrue(label(robot, "#apply-summary").startsWith("Nothing to change"), label(robot, "#apply-summary"));
        assertFalse(visible(robot, "#apply-confirm"), "no Apply for a change that changes nothing");
        assertFalse(visible(robot, "#apply-actions"), "no restart or health check listed");
        assertTrue(visible(robot, "#apply-verify"));
        robot.clickOn("#apply-close");
    }

    @Test
    @DisplayName("the switch says what it really does: on, but opportunistic and not authenticated")
    void honestSwitch(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        assertTrue(fx(sw::isSelected));
        assertEquals("On · opportunistic, not authenticated", label(robot, "#switch-state"));
        assertEquals("At risk", label(robot, "#state"));
        assertEquals("At risk", label(robot, "#state-chip"));
        Label chip = robot.lookup("#state-chip").query();
        assertTrue(chip.getStyleClass().contains("state-warning"), chip.getStyleClass().toString());
        // off means off: turning it off previews a revert, with the destructive style
        robot.clickOn(sw.lookup(".thumb-area"));
        waitUntil(() -> visible(robot, "#apply-confirm"));
        assertEquals(ApplyViewModel.Kind.REVERT, fx(() -> window.applyViewModel().kind()));
        Button confirm = robot.lookup("#apply-confirm").query();
        assertTrue(confirm.getStyleClass().contains("danger"));
        robot.clickOn("#apply-cancel");
        waitUntil(() -> !visible(robot, "#apply-sheet") && sw.isSelected());
        assertFalse(adapter.calls.contains("revert"));
    }

    @Test
    @DisplayName("Refresh shows a spinner and is disabled while the state is read, and neither once it is read; the "
            + "keyboard focus comes back to it")
    void refreshShowsProgress(FxRobot robot) throws Exception {
        Fakes.GatedExecutor exec = new Fakes.GatedExecutor();
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier(), exec));
        exec.hold = true;
        robot.clickOn("#status-refresh");
        waitUntil(() -> visible(robot, "#status-refreshing"));
        Button refresh = robot.lookup("#status-refresh").query();
        assertTrue(fx(refresh::isDisabled));
        exec.releaseAll();
        waitUntil(() -> !visible(robot, "#status-refreshing") && !refresh.isDisabled());
        waitUntil(refresh::isFocused); // the focus the disabled button lost comes back to it, not left on the switch
    }

    @Test
    @DisplayName("a notice under the header (a tray that went away, preferences that could not be read) can be dismissed")
    void noticesCanBeDismissed(FxRobot robot) throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(opportunisticQuad9()), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        fx(() -> {
            window.showNotice("Your preferences could not be read.");
            return null;
        });
        waitUntil(() -> visible(robot, "#window-notice"));
        robot.clickOn("#window-notice-dismiss");
        waitUntil(() -> !visible(robot, "#window-notice"));
        assertEquals(null, fx(() -> window.noticeProperty().get()));
    }

    @Test
    @DisplayName("a switch that cannot be used says why, with the command selectable")
    void blockedSwitchExplains(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.unavailableState());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        assertTrue(sw.isDisabled());
        waitUntil(() -> visible(robot, "#switch-blocked"));
        TextField cmd = robot.lookup("#blocked-command").query();
        assertEquals(org.port853.platform.RootAdvice.forThisUser("sudo apt install systemd-resolved"), fx(cmd::getText));
        assertFalse(cmd.isEditable());
        assertEquals("Resolver missing", label(robot, "#state"));
        assertFalse(visible(robot, "#protect-button"), "nothing to protect without a resolver");
        // said once: in the banner over the switch, not again under "Why"
        long said = fx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && n.isVisible() && l.getText() != null && l.getText().contains("is not installed")).queryAll().size());
        assertEquals(1, said, "the reason is shown once");
        assertFalse(visible(robot, "#reasons .reason-row"), "no reason rows repeat the banner");
    }

    @Test
    @DisplayName("where /etc/systemd/resolved.conf.d is a file, the switch and Protect my DNS say up front that changes "
            + "are refused, and the state as read stays in view")
    void dropInFolderThatIsAFileBlocksChanges(FxRobot robot) throws Exception {
        String dir = "/etc/systemd/resolved.conf.d";
        assertBlocked(robot, null, new org.port853.platform.linux.LinuxDetails.NoDirectory(dir, null), dir + " is a file, "
                + "not a folder: systemd-resolved ignores it, and Port853 cannot put its settings there",
                "mv " + dir + " " + dir + ".old");
    }

    @Test
    @DisplayName("where Port853's drop-in is a symbolic link (apply refuses every change, revert leaves it), the switch "
            + "and Protect my DNS say so up front")
    void ownDropInLinkedBlocksChanges(FxRobot robot) throws Exception {
        String ours = "/etc/systemd/resolved.conf.d/zz-port853.conf";
        assertBlocked(robot, "/dev/null", null, ours + " is a symbolic link to /dev/null: Port853 does not write through "
                + "links", "rm " + ours);
    }

    /**
     * With the drop-in path linked to {@code ourDropInLink} or the drop-in folder {@code noDirectory}, the switch is
     * disabled and Protect my DNS not offered; the banner over the switch says why ({@code said}, once) and how ({@code
     * fix}), and the state as read stays in view.
     */
    private void assertBlocked(FxRobot robot, String ourDropInLink,
            org.port853.platform.linux.LinuxDetails.NoDirectory noDirectory, String said, String fix) throws Exception {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.OFF, DnssecMode.NO, false, List.of(),
                "yes", "stub");
        ResolverState s = new ResolverState("systemd-resolved", org.port853.core.StateSource.DBUS, true, true, g,
                List.of(), null, null, new org.port853.platform.linux.LinuxDetails(252, new org.port853.core
                .ResolvConfState(org.port853.core.ResolvConfState.Kind.STUB, "/run/systemd/resolve/stub-resolv.conf",
                List.of("127.0.0.53")), List.of(), null, true, null, false, null, ourDropInLink,
                "/etc/systemd/resolved.conf", null, false, noDirectory, false));
        open(Fakes.services(new Fakes.FakeAdapter(s), () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#switch-blocked"));
        ToggleSwitch sw = robot.lookup("#encryption-switch").query();
        assertTrue(fx(sw::isDisabled), "the preview would only refuse");
        assertFalse(visible(robot, "#protect-button"), "Protect my DNS would only be refused");
        String banner = fx(() -> ((Label) robot.lookup("#switch-blocked").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(0)).getText());
        assertTrue(banner.startsWith(said), banner);
        assertTrue(banner.contains(fix), "with the fix: " + banner);
        assertFalse(label(robot, "#fact-providers").equals("—"), "the state as read is still shown");
        long saidTimes = fx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && n.isVisible() && l.getText() != null && l.getText().contains(said)).queryAll().size());
        assertEquals(1, saidTimes, "said once, in the banner over the switch");
    }

    @Test
    @DisplayName("a resolver that cannot be read offers a command that shows why, not one that fails the same way")
    void unreadableResolverCommand(FxRobot robot) throws Exception {
        ResolverState unreadable = new ResolverState("systemd-resolved", org.port853.core.StateSource.NONE, true, true,
                null, List.of(), null, "D-Bus unavailable (no bus) and resolvectl failed: sd_bus_open_system",
                new org.port853.platform.linux.LinuxDetails(252, null, List.of()));
        open(Fakes.services(new Fakes.FakeAdapter(unreadable), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#blocked-command"));
        TextField cmd = robot.lookup("#blocked-command").query();
        assertEquals("systemctl status dbus.service systemd-resolved.service", fx(cmd::getText));
        long said = fx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && n.isVisible() && l.getText() != null && l.getText().contains("D-Bus unavailable")).queryAll().size());
        assertEquals(1, said, "the reason is shown once");
    }

    @Test
    @DisplayName("Use strict mode changes only the mode: servers, routing and DNSSEC stay as the system has them")
    void fixChangesOnlyItsLabel(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        // a draft on the Providers screen that differs from the system must not leak into the fix
        fx(() -> {
            window.model().chosen().setAll(window.model().catalogue().stream()
                    .filter(p -> p.id().equals("mullvad")).toList());
            window.model().routeAllDomainsProperty().set(false);
            return null;
        });
        waitUntil(() -> visible(robot, "#fix-OPPORTUNISTIC"));
        robot.clickOn("#fix-OPPORTUNISTIC");
        waitUntil(() -> visible(robot, "#apply-confirm"));
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-close"));
        DesiredSettings d = adapter.applied.get(0);
        assertEquals(DotMode.STRICT, d.mode());
        assertEquals(List.of(QUAD9), d.servers());
        assertTrue(d.routeAllDomains());
        assertNull(d.dnssec(), "the system's DNSSEC setting stays: no DNSSEC line");
        assertEquals(List.of(false), adapter.applyLinks, "resolv.conf is not part of this fix");
        robot.clickOn("#apply-close");
    }

    @Test
    @DisplayName("cancelling a fix leaves the draft exactly as it was")
    void cancelledFixKeepsDraft(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        DotMode modeBefore = fx(() -> window.model().modeProperty().get());
        assertEquals(DotMode.OPPORTUNISTIC, modeBefore, "the draft starts from the system's settings");
        assertEquals(List.of("quad9"), fx(() -> window.model().chosen().stream().map(p -> p.id()).toList()));
        waitUntil(() -> visible(robot, "#fix-OPPORTUNISTIC"));
        robot.clickOn("#fix-OPPORTUNISTIC");
        waitUntil(() -> visible(robot, "#apply-cancel"));
        robot.clickOn("#apply-cancel");
        waitUntil(() -> !visible(robot, "#apply-sheet"));
        assertEquals(DotMode.OPPORTUNISTIC, fx(() -> window.model().modeProperty().get()));
        assertEquals(0, (int) fx(() -> window.model().draftChangesProperty().get()));
        assertFalse(adapter.calls.contains("apply"));
    }

    @Test
    @DisplayName("Protect my DNS previews strict, all domains, resolv.conf linked, and the plain summary comes first")
    void protectMyDns(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        assertEquals("Not encrypted", label(robot, "#state"));
        waitUntil(() -> visible(robot, "#protect-button"));
        robot.clickOn("#protect-button");
        waitUntil(() -> visible(robot, "#apply-confirm"));
        assertEquals(List.of(true), adapter.planLinks);
        String plain = label(robot, "#apply-plain-summary");
        assertTrue(plain.startsWith("Servers: none → Quad9 (malware blocking), Mullvad DNS · Mode: off → strict · All domains"), plain);
        robot.clickOn("#apply-confirm");
        waitUntil(() -> visible(robot, "#apply-verify"));
        javafx.scene.control.Button verify = robot.lookup("#apply-verify").query();
        waitUntil(verify::isFocused); // the accented action takes Enter, not Close
        DesiredSettings d = adapter.applied.get(0);
        assertEquals(DotMode.STRICT, d.mode());
        assertTrue(d.routeAllDomains());
        assertTrue(d.servers().contains(QUAD9));
        robot.clickOn("#apply-close");
    }

    @Test
    @DisplayName("the server in use whose port 853 was just found silent is not what Protect proposes: its row and "
            + "the preview name the provider left out and why")
    void protectLeavesOutAServerWhoseTlsJustFailed(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        waitUntil(() -> visible(robot, "#protect-button"));
        fx(() -> {
            window.model().tlsFailures().checked(List.of(org.port853.probe.doctor.Check.failure("dot.reachable",
                    QUAD9.toString(), "TCP 9.9.9.9:853 was refused (reset).", "Check the address.")
                    .says("dot.reachable.refused", "9.9.9.9:853")));
            return null;
        });
        String note = "Quad9 (malware blocking) is not used: its encrypted port did not answer just now.";
        waitUntil(() -> label(robot, "#protect-detail").endsWith(note));
        robot.clickOn("#protect-button");
        waitUntil(() -> visible(robot, "#apply-confirm") && robot.lookup("#apply-plain-summary").tryQuery().isPresent());
        String plain = label(robot, "#apply-plain-summary");
        assertTrue(plain.startsWith("Servers: Quad9 (malware blocking) → Mullvad DNS · Mode: opportunistic → strict"),
                plain);
        assertTrue(plain.endsWith("\n" + note), plain);
        robot.clickOn("#apply-cancel");
        waitUntil(() -> !visible(robot, "#apply-sheet"));
        assertFalse(adapter.calls.contains("apply"));
    }

    @Test
    @DisplayName("the state follows Verify, and clearing the Traffic display does not change it")
    void stateFromVerify(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(List.of(QUAD9), true));
        LeakingCapture capture = new LeakingCapture();
        AppServices base = Fakes.services(adapter, () -> capture, new Fakes.RecordingNotifier());
        // the probe's queries leak: the capture reports them as plaintext to the router
        AppServices services = new AppServices(base.adapter(), base.capture(), new org.port853.probe.QuerySender() {
            @Override public String target() { return "127.0.0.53:53"; }

            @Override
            public List<QueryOutcome> send(List<String> names, Duration timeout) {
                for (String n : names) {
                    capture.leaks.add(new LeakRecord(Instant.now(), "wlan0", "192.168.1.1", n, "A", "test"));
                }
                return names.stream().map(n -> new QueryOutcome(n, true, "NXDOMAIN", Duration.ofMillis(2), null)).toList();
            }
        }, base.providers(), base.configDir(), base.executor(), base.notifier(), false);
        open(services);
        fx(() -> {
            window.verifyViewModel().setSettle(Duration.ofMillis(100));
            return null;
        });
        waitUntil(() -> window.trafficViewModel().runningProperty().get());
        assertEquals(ProtectionState.PROTECTED, fx(() -> window.statusViewModel().stateProperty().get()));
        fx(() -> {
            window.verifyNow();
            return null;
        });
        waitUntil(() -> window.verifyViewModel().outcome() == org.port853.ui.verify.VerifyViewModel.Outcome.LEAKED);
        assertEquals("5 of 5 went out in plaintext to 192.168.1.1.", label(robot, "#verify-headline"));
        assertTrue(visible(robot, "#verify-fix"));
        assertEquals(ProtectionState.LEAKING, fx(() -> window.statusViewModel().stateProperty().get()));
        fx(() -> {
            window.trafficViewModel().clear();
            return null;
        });
        Thread.sleep(2 * org.port853.ui.traffic.TrafficViewModel.POLL_MS);
        assertEquals(ProtectionState.LEAKING, fx(() -> window.statusViewModel().stateProperty().get()),
                "clearing the display does not undo a measurement");
        assertEquals("Leaking", label(robot, "#state-chip"));
    }

    @Test
    @DisplayName("no resolver while plaintext DNS is on the wire is red, not a grey question mark")
    void resolverMissingWhileLeaking() throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.unavailableState());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        fx(() -> {
            window.model().evidence().leakSeen(Instant.now());
            return null;
        });
        assertEquals(ProtectionState.RESOLVER_MISSING_LEAKING, fx(() -> window.statusViewModel().stateProperty().get()));
        assertEquals(ProtectionState.Tone.BAD, ProtectionState.RESOLVER_MISSING_LEAKING.tone());
    }

    @Test
    @DisplayName("while leaking, Status offers the way to the leaked queries; without leaks it does not")
    void leakingLeadsToTraffic(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        assertEquals("Not encrypted", label(robot, "#state"));
        assertFalse(visible(robot, "#show-leaks"));
        fx(() -> {
            window.model().evidence().leakSeen(Instant.now());
            return null;
        });
        waitUntil(() -> visible(robot, "#show-leaks"));
        robot.clickOn("#show-leaks");
        waitUntil(() -> fx(() -> window.navigation().currentProperty().get()) == MainWindow.Screen.TRAFFIC);
    }

    /** A running capture whose leak log the test fills. */
    static final class LeakingCapture extends Fakes.FakeCapture {
        LeakingCapture() {
            super(null);
        }

        @Override
        public MeterSnapshot snapshot(int seconds) {
            long[] z = new long[seconds];
            long[] enc = new long[seconds];
            enc[seconds - 1] = 1;
            return new MeterSnapshot(Instant.now().getEpochSecond(), seconds, enc, z, z.clone(), z.clone(), Map.of(), 0, 0);
        }
    }

    @Test
    @DisplayName("the switch and the screen below it stay in place when the state arrives and Protect is offered")
    void nothingJumpsWhenTheStateArrives(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.plaintextState(null));
        adapter.readGate = new java.util.concurrent.CountDownLatch(1);
        show(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()), null);
        waitUntil(() -> window.model().assessmentProperty().get() == null && robot.lookup("#encryption-switch").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node sw = robot.lookup("#encryption-switch").query();
        double whileReading = fx(() -> sw.localToScene(0, 0).getY());
        adapter.readGate.countDown();
        waitUntil(() -> window.model().assessmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#protect-button"));
        assertEquals(whileReading, fx(() -> sw.localToScene(0, 0).getY()), 0.5, "the switch moved when Protect appeared");
    }

    @Test
    @DisplayName("a reason without a fix shows no empty 'Fix' line: the local-names note on the Status screen had a blank "
            + "line under it, and its tag sat below its sentence")
    void aReasonWithoutAFixHasNoFixLine(FxRobot robot) throws Exception {
        GlobalState g = new GlobalState(List.of(QUAD9), List.of(), QUAD9, DotMode.STRICT, DnssecMode.ALLOW_DOWNGRADE,
                true, List.of(new DomainEntry(".", true)), "yes", "stub");
        ResolverState s = Fakes.state(g, null);
        ResolverState localNames = new ResolverState(s.resolverName(), s.source(), s.installed(), s.running(), g,
                List.of(new org.port853.core.LinkState(2, "wlan0", List.of(ServerAddress.parse("192.168.1.1")),
                        DotMode.OFF, null, List.of(new DomainEntry("home.arpa", false)), true, null)),
                null, null, s.platform());
        open(Fakes.services(new Fakes.FakeAdapter(localNames), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        waitUntil(() -> window.statusViewModel().reasons().stream()
                .anyMatch(t -> t.reason().code().equals("LINK_LOCAL_NAMES")));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> fixLines = fx(() -> robot.lookup("#reasons .reason-fix").queryAll().stream()
                .map(n -> "'" + ((Label) n).getText() + "'").toList());
        long withFix = fx(() -> window.statusViewModel().reasons().stream()
                .filter(t -> t.fix() != null && !t.fix().isBlank()).count());
        assertEquals(withFix, fixLines.size(), "one Fix line per reason that has a fix: " + fixLines);
        assertTrue(fixLines.stream().noneMatch("''"::equals), "an empty Fix line: " + fixLines);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "de"})
    @DisplayName("every screen's mnemonics are unique, together with the menu bar's")
    void uniqueMnemonics(String language, FxRobot robot) throws Exception {
        org.port853.ui.common.I18n.use(java.util.Locale.forLanguageTag(language));
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        javafx.scene.control.TabPane tabs = robot.lookup("#screens").query();
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            fx(() -> {
                tabs.getSelectionModel().select(index);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> seen = fx(() -> {
                List<String> keys = new java.util.ArrayList<>();
                for (javafx.scene.control.Menu m : bar.getMenus()) keys.add(mnemonic(m.getText()) + " menu " + m.getText());
                collect(tabs.getTabs().get(index).getContent(), keys);
                return keys;
            });
            java.util.Map<String, List<String>> byKey = new java.util.TreeMap<>();
            for (String s : seen) byKey.computeIfAbsent(s.substring(0, 1), k -> new java.util.ArrayList<>()).add(s);
            for (var e : byKey.entrySet()) {
                assertEquals(1, e.getValue().size(), language + " tab " + index + " mnemonic " + e.getKey() + ": " + e.getValue());
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "de"})
    @DisplayName("within each menu, every entry has its own mnemonic (with the menu open, the letter picks one entry)")
    void uniqueMnemonicsInEachMenu(String language, FxRobot robot) throws Exception {
        org.port853.ui.common.I18n.use(java.util.Locale.forLanguageTag(language));
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(opportunisticQuad9());
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        List<String> clashes = fx(() -> {
            List<String> found = new java.util.ArrayList<>();
            for (javafx.scene.control.Menu m : bar.getMenus()) {
                java.util.Map<String, List<String>> byKey = new java.util.TreeMap<>();
                for (javafx.scene.control.MenuItem item : m.getItems()) {
                    if (item.getText() == null || item.getText().isEmpty()) continue; // a separator
                    assertTrue(item.isMnemonicParsing() && item.getText().contains("_"), "no mnemonic: " + item.getText());
                    byKey.computeIfAbsent(mnemonic(item.getText()), k -> new java.util.ArrayList<>()).add(item.getText());
                }
                byKey.values().stream().filter(v -> v.size() > 1).forEach(v -> found.add(m.getText() + ": " + v));
            }
            return found;
        });
        assertEquals(List.of(), clashes, language);
    }

    private static void collect(javafx.scene.Node n, List<String> keys) {
        if (n == null || !n.isVisible()) return;
        if (n instanceof javafx.scene.control.Labeled l && l.isMnemonicParsing() && l.getText() != null
                && l.getText().contains("_") && !(n instanceof javafx.scene.control.Label lab && lab.getLabelFor() == null)) {
            keys.add(mnemonic(l.getText()) + " " + l.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) collect(c, keys);
        }
    }

    private static String mnemonic(String text) {
        int i = text.indexOf('_');
        return i < 0 || i + 1 >= text.length() ? "?" : text.substring(i + 1, i + 2).toUpperCase(java.util.Locale.ROOT);
    }
}
