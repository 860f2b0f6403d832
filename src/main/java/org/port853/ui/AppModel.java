package org.port853.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.port853.core.Assessment;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.Provider;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;

/**
 * State shared by all screens: what the resolver does now (read off the JavaFX thread), and what the user
 * has chosen (providers in order, mode, DNSSEC, route all domains). Also the capture's leak signal.
 */
public final class AppModel {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppModel.class.getName());
    private final AppServices services;
    private final Background background;
    private final ReadOnlyObjectWrapper<ResolverState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Assessment> assessment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final StringProperty refreshError = new SimpleStringProperty();
    private final ObservableList<Provider> catalogue = FXCollections.observableArrayList();
    private final ObservableList<Provider> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<DotMode> mode = new SimpleObjectProperty<>(DotMode.STRICT);
    private final ObjectProperty<DnssecMode> dnssec = new SimpleObjectProperty<>(DnssecMode.NO);
    private final BooleanProperty routeAllDomains = new SimpleBooleanProperty(true);
    private final BooleanProperty leaking = new SimpleBooleanProperty();
    private boolean choiceInitialised;

    public AppModel(AppServices services) {
        this.services = services;
        this.background = new Background(services.executor());
    }

    public AppServices services() {
        return services;
    }

    public Background background() {
        return background;
    }

    /** Reads the resolver state and the provider list in the background; safe to call often. */
    public void refresh() {
        if (refreshing.get()) {
            return;
        }
        refreshing.set(true);
        background.run(() -> {
            ResolverState s = services.adapter().readState();
            Assessment a = services.adapter().assess(s);
            List<Provider> providers;
            String providerProblem = null;
            try {
                providers = services.providers().all().get();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "the provider list could not be read", e);
                providers = List.of();
                providerProblem = I18n.t("providers.unreadable", Background.describe(e));
            }
            return new Object[]{s, a, providers, providerProblem};
        }, r -> {
            refreshing.set(false);
            refreshError.set((String) r[3]);
            @SuppressWarnings("unchecked")
            List<Provider> providers = (List<Provider>) r[2];
            if (!providers.equals(catalogue)) {
                catalogue.setAll(providers);
            }
            state.set((ResolverState) r[0]);
            assessment.set((Assessment) r[1]);
            initChoice();
        }, e -> {
            refreshing.set(false);
            refreshError.set(Background.describe(e));
        });
    }

    /** The first time the state is known, preselect what the resolver already uses. */
    private void initChoice() {
        if (choiceInitialised) {
            return;
        }
        choiceInitialised = true;
        ResolverState s = state.get();
        if (s == null || !s.readable()) {
            selectDefault();
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        for (ServerAddress a : s.global().servers()) {
            used.add(a.addressText());
        }
        List<Provider> match = new ArrayList<>();
        for (String addr : used) {
            for (Provider p : catalogue) {
                if (!match.contains(p) && (p.ipv4().contains(addr) || p.ipv6().contains(addr))) {
                    match.add(p);
                }
            }
        }
        if (match.isEmpty()) {
            selectDefault();
        } else {
            chosen.setAll(match);
        }
        if (s.global().dnsOverTls() == DotMode.OPPORTUNISTIC) {
            mode.set(DotMode.OPPORTUNISTIC);
        }
        if (s.global().dnssec() != null) {
            dnssec.set(s.global().dnssec());
        }
    }

    private void selectDefault() {
        if (chosen.isEmpty() && !catalogue.isEmpty()) {
            chosen.add(catalogue.get(0));
        }
    }

    /** What applying now would ask for; throws InvalidInputException with one sentence if it cannot work. */
    public DesiredSettings desired(DotMode withMode, boolean routeAll) {
        List<ServerAddress> servers = new ArrayList<>();
        for (Provider p : chosen) {
            for (ServerAddress a : p.servers()) {
                if (!servers.contains(a)) {
                    servers.add(a);
                }
            }
        }
        return new DesiredSettings(servers, withMode, dnssec.get(), routeAll, List.of());
    }

    public DesiredSettings desired() {
        return desired(mode.get(), routeAllDomains.get());
    }

    public static DesiredSettings off() {
        return new DesiredSettings(List.of(), DotMode.OFF, DnssecMode.NO, false, List.of());
    }

    /** True when the resolver currently encrypts (strict or opportunistic globally). */
    public boolean encryptionOn() {
        ResolverState s = state.get();
        return s != null && s.readable() && s.global().dnsOverTls() != null && s.global().dnsOverTls() != DotMode.OFF
                && !s.global().servers().isEmpty();
    }

    public ReadOnlyObjectProperty<ResolverState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public StringProperty refreshErrorProperty() {
        return refreshError;
    }

    public ObservableList<Provider> catalogue() {
        return catalogue;
    }

    public ObservableList<Provider> chosen() {
        return chosen;
    }

    public ObjectProperty<DotMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<DnssecMode> dnssecProperty() {
        return dnssec;
    }

    public BooleanProperty routeAllDomainsProperty() {
        return routeAllDomains;
    }

    /** Set by the traffic screen while the capture sees plaintext leaving the machine. */
    public BooleanProperty leakingProperty() {
        return leaking;
    }
}
