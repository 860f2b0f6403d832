package org.port853.cli;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.port853.core.ProviderCatalog;
import org.port853.platform.ResolverAdapter;
import org.port853.platform.ResolverAdapters;
import org.port853.probe.pins.ServerPins;

/**
 * What the commands work on, built once per run; tests pass their own. {@code pins} records the pins of the
 * servers a change put in place (null: no recording, e.g. tests with a simulated adapter, which must never probe
 * the catalogue's real servers).
 */
public record CliServices(Supplier<ResolverAdapter> adapter, Supplier<ProviderCatalog> catalog,
                          Function<ProviderCatalog, ServerPins> pins) {
    /** How long the pin probe after a change waits for each server. */
    static final Duration PIN_TIMEOUT = Duration.ofSeconds(3);

    public CliServices(Supplier<ResolverAdapter> adapter, Supplier<ProviderCatalog> catalog) {
        this(adapter, catalog, null);
    }

    public static CliServices system() {
        return new CliServices(ResolverAdapters::detect, ProviderCatalog::loadDefault, CliServices::systemPins);
    }

    static ServerPins systemPins(ProviderCatalog catalog) {
        return ServerPins.system(catalog::all, PIN_TIMEOUT);
    }
}
