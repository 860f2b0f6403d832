package org.port853.ui.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.port853.core.CustomProviders;
import org.port853.core.Provider;
import org.port853.core.ProviderCatalog;

/** Where the Providers screen gets its list and keeps the user's own providers. */
public record ProviderSource(Supplier<List<Provider>> all, Consumer<Provider> saveCustom, Consumer<String> removeCustom) {

    /** The bundled catalogue plus the user's providers under the XDG config directory. */
    public static ProviderSource system() {
        return new ProviderSource(() -> ProviderCatalog.loadDefault().all(),
                p -> CustomProviders.inDefaultLocation().save(p),
                id -> CustomProviders.inDefaultLocation().remove(id));
    }

    /** The bundled catalogue, with custom providers kept in memory only (tests, screenshots). */
    public static ProviderSource inMemory() {
        List<Provider> custom = new ArrayList<>();
        return new ProviderSource(() -> {
            List<Provider> l = new ArrayList<>(ProviderCatalog.loadDefault().all());
            l.removeIf(Provider::custom);
            l.addAll(custom);
            return l;
        }, p -> {
            custom.removeIf(c -> c.id().equals(p.id()));
            custom.add(p);
        }, id -> custom.removeIf(c -> c.id().equals(id)));
    }
}
