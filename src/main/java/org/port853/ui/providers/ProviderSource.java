package org.port853.ui.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.port853.core.CustomProviders;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;

/**
 * Where the Providers screen gets its list and keeps the user's own providers. The catalogue says what could not be
 * loaded ({@link ProviderCatalog#failures()}: a broken file of the user's own leaves the built-in providers).
 */
public record ProviderSource(Supplier<ProviderCatalog> catalogue, Consumer<Provider> saveCustom,
                             Consumer<String> removeCustom) {

    /** The bundled catalogue plus the user's providers under the XDG config directory. */
    public static ProviderSource system() {
        return new ProviderSource(ProviderCatalog::loadDefault,
                p -> CustomProviders.inDefaultLocation().save(p),
                id -> CustomProviders.inDefaultLocation().remove(id));
    }

    /** The bundled catalogue, with custom providers kept in memory only (tests, screenshots). */
    public static ProviderSource inMemory() {
        List<Provider> custom = new ArrayList<>();
        return new ProviderSource(() -> ProviderCatalog.bundled().with(List.copyOf(custom)), p -> {
            custom.removeIf(c -> c.id().equals(p.id()));
            custom.add(p);
        }, id -> custom.removeIf(c -> c.id().equals(id)));
    }
}
