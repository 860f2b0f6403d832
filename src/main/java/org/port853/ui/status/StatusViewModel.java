package org.port853.ui.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.core.Assessment;
import org.port853.core.DotMode;
import org.port853.core.FixAction;
import org.port853.core.LinkState;
import org.port853.core.Provider;
import org.port853.core.Reason;
import org.port853.core.ResolverState;
import org.port853.core.ResolvConfState;
import org.port853.core.ServerAddress;
import org.port853.core.Verdict;
import org.port853.ui.AppModel;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.I18n;

/** The Status screen: verdict, reasons with fixes, the encryption switch, active settings, links. */
public final class StatusViewModel {
    /** One row of the links table, with the warning worked out here rather than in the view. */
    public record LinkRow(String name, String servers, String dot, String defaultRoute, String warning) {
    }

    private final AppModel model;
    private final ApplyViewModel apply;
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(I18n.t("verdict.reading"));
    private final ReadOnlyStringWrapper verdictStyle = new ReadOnlyStringWrapper("verdict-unknown");
    private final ReadOnlyStringWrapper verdictDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper providers = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dnssec = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper currentServer = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper resolvConf = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper();
    private final BooleanProperty switchOn = new SimpleBooleanProperty();
    private final BooleanProperty switchUsable = new SimpleBooleanProperty();
    private final ObservableList<Reason> reasons = FXCollections.observableArrayList();
    private final ObservableList<LinkRow> links = FXCollections.observableArrayList();

    public StatusViewModel(AppModel model, ApplyViewModel apply) {
        this.model = model;
        this.apply = apply;
        model.stateProperty().addListener((o, a, s) -> update());
        model.assessmentProperty().addListener((o, a, s) -> update());
        model.leakingProperty().addListener((o, a, s) -> update());
        switchUsable.bind(Bindings.createBooleanBinding(() -> model.stateProperty().get() != null
                && model.stateProperty().get().readable() && !apply.busy(), model.stateProperty(), apply.phaseProperty()));
        update();
    }

    private void update() {
        ResolverState s = model.stateProperty().get();
        Assessment a = model.assessmentProperty().get();
        if (s == null || a == null) {
            return;
        }
        Verdict v = a.verdict();
        boolean leak = model.leakingProperty().get() && v != Verdict.UNAVAILABLE && v != Verdict.BROKEN;
        String key = leak ? "leaking" : v.name().toLowerCase(Locale.ROOT);
        verdict.set(I18n.t("verdict." + key));
        verdictStyle.set("verdict-" + key.replace('_', '-'));
        verdictDetail.set(I18n.t("verdict." + key + ".detail"));
        reasons.setAll(a.reasons());
        pending.set(s.pendingChange() == null ? null
                : I18n.t("pending.text", s.pendingChange().description(), s.pendingChange().started() == null ? "?"
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault())
                .format(s.pendingChange().started())));
        source.set(I18n.t("source." + s.source().jsonName(), s.resolverName())
                + (s.platform().versionText() != null ? " · " + s.platform().versionText() : ""));
        ResolvConfState file = s.platform().resolverFile();
        resolvConf.set(file == null ? "—"
                : I18n.t("resolvconf." + file.kind().name().toLowerCase(Locale.ROOT), String.valueOf(file.target())));
        if (!s.readable()) {
            providers.set("—");
            mode.set("—");
            dnssec.set("—");
            currentServer.set("—");
            links.clear();
            setSwitch(false);
            return;
        }
        var g = s.global();
        providers.set(g.servers().isEmpty() ? I18n.t("status.noservers") : describeServers(g.servers()));
        mode.set(I18n.t("mode." + (g.dnsOverTls() == null ? "off" : g.dnsOverTls().name().toLowerCase(Locale.ROOT)))
                + (g.routesEverything() ? " · " + I18n.t("status.allDomains") : ""));
        dnssec.set(g.dnssec() == null ? "—" : g.dnssec().resolvedValue()
                + (g.dnssecSupported() ? "" : " · " + I18n.t("status.dnssecUnsupported")));
        currentServer.set(g.currentServer() == null ? I18n.t("status.noCurrent") : g.currentServer().toResolvedSyntax());
        List<LinkRow> rows = new ArrayList<>();
        for (LinkState l : s.links()) {
            rows.add(row(l, g.dnsOverTls(), g.routesEverything()));
        }
        links.setAll(rows);
        setSwitch(model.encryptionOn());
    }

    private String describeServers(List<ServerAddress> servers) {
        List<String> names = new ArrayList<>();
        for (ServerAddress a : servers) {
            String label = a.toResolvedSyntax();
            for (Provider p : model.catalogue()) {
                if (p.ipv4().contains(a.addressText()) || p.ipv6().contains(a.addressText())) {
                    label = p.displayName();
                    break;
                }
            }
            if (!names.contains(label)) {
                names.add(label);
            }
        }
        return String.join(", ", names);
    }

    static LinkRow row(LinkState l, DotMode globalDot, boolean globalRoutesAll) {
        DotMode effective = l.dnsOverTls() != null ? l.dnsOverTls() : globalDot == null ? DotMode.OFF : globalDot;
        String dot = l.dnsOverTls() == null
                ? I18n.t("link.dot.unset", I18n.t("mode." + effective.name().toLowerCase(Locale.ROOT)))
                : I18n.t("mode." + l.dnsOverTls().name().toLowerCase(Locale.ROOT));
        String warning = "";
        boolean servers = !l.servers().isEmpty();
        boolean linkTakesEverything = l.domains().stream().anyMatch(d -> d.routesEverything());
        if (servers && effective == DotMode.OFF && (l.defaultRoute() && !globalRoutesAll || linkTakesEverything)) {
            warning = I18n.t("link.warn.plaintext");
        } else if (servers && effective == DotMode.OPPORTUNISTIC && l.defaultRoute()) {
            warning = I18n.t("link.warn.opportunistic");
        } else if (servers && effective == DotMode.OFF) {
            warning = I18n.t("link.warn.domains");
        }
        return new LinkRow(l.name() == null ? "#" + l.index() : l.name(),
                l.servers().isEmpty() ? "—" : l.servers().stream().map(ServerAddress::toResolvedSyntax)
                        .collect(Collectors.joining(", ")),
                dot, l.defaultRoute() ? I18n.t("yes") : I18n.t("no"), warning);
    }

    private boolean syncing;
    private final javafx.beans.property.ReadOnlyLongWrapper switchSync = new javafx.beans.property.ReadOnlyLongWrapper();

    private void setSwitch(boolean on) {
        syncing = true;
        try {
            switchOn.set(on);
            switchSync.set(switchSync.get() + 1);
        } finally {
            syncing = false;
        }
    }

    /** Ticks whenever the switch must show {@link #switchOnProperty()} again (e.g. after a cancelled flow). */
    public javafx.beans.property.ReadOnlyLongProperty switchSyncProperty() {
        return switchSync.getReadOnlyProperty();
    }

    /** The user flipped the switch: start the apply (on) or revert (off) flow. */
    public void switchFlipped(boolean wantOn) {
        if (syncing) {
            return;
        }
        if (wantOn) {
            apply.beginApplyOrExplain(model::desired);
        } else {
            apply.begin(ApplyViewModel.Kind.REVERT, AppModel.off());
        }
    }

    /** After the flow ends (applied, rolled back or cancelled) the switch shows the real state again. */
    public void resync() {
        setSwitch(model.encryptionOn());
    }

    /** One-click fix for a reason. */
    public void fix(Reason r) {
        FixAction f = r.fixAction();
        if (f == null) {
            return;
        }
        switch (f) {
            case RECOVER -> apply.begin(ApplyViewModel.Kind.RECOVER, null);
            case ROUTE_ALL_DOMAINS -> {
                model.routeAllDomainsProperty().set(true);
                apply.beginApplyOrExplain(model::desired);
            }
            case USE_STRICT_MODE -> {
                model.modeProperty().set(DotMode.STRICT);
                apply.beginApplyOrExplain(model::desired);
            }
            // the same change as the switch, plus /etc/resolv.conf pointed at the stub (shown in the preview)
            case LINK_RESOLV_CONF -> apply.beginApplyOrExplain(model::desired, true);
            case ENABLE_DOT -> apply.beginApplyOrExplain(model::desired);
        }
    }

    public void recover() {
        apply.begin(ApplyViewModel.Kind.RECOVER, null);
    }

    public static String fixLabel(FixAction f) {
        return I18n.t("fix." + f.name().toLowerCase(Locale.ROOT));
    }

    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictStyleProperty() { return verdictStyle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty verdictDetailProperty() { return verdictDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty providersProperty() { return providers.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modeProperty() { return mode.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dnssecProperty() { return dnssec.getReadOnlyProperty(); }
    public ReadOnlyStringProperty currentServerProperty() { return currentServer.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resolvConfProperty() { return resolvConf.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pendingProperty() { return pending.getReadOnlyProperty(); }
    public BooleanProperty switchOnProperty() { return switchOn; }
    public BooleanProperty switchUsableProperty() { return switchUsable; }
    public ObservableList<Reason> reasons() { return reasons; }
    public ObservableList<LinkRow> links() { return links; }
}
