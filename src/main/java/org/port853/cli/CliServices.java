package org.port853.cli;

import java.util.function.Supplier;
import org.port853.core.ProviderCatalog;
import org.port853.platform.ResolverAdapter;
import org.port853.platform.ResolverAdapters;

/** What the commands work on, built once per run; tests pass their own. */
public record CliServices(Supplier<ResolverAdapter> adapter, Supplier<ProviderCatalog> catalog) {
    public static CliServices system() {
        return new CliServices(ResolverAdapters::detect, ProviderCatalog::loadDefault);
    }
}
