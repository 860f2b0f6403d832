package org.port853.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers Port853 offers: the bundled catalogue ({@code /org/port853/providers.json}) followed by the
 * user's custom providers. Immutable; {@link #problems()} lists what could not be loaded, in plain sentences
 * ({@link #failures()}: the same as the errors, for words in another language).
 */
public final class ProviderCatalog {
    public static final String RESOURCE = "/org/port853/providers.json";

    private final List<Provider> providers;
    private final Map<String, Provider> byId;
    private final List<InvalidInputException> failures;
    private final List<CustomProviders.Renamed> renamed;

    private ProviderCatalog(List<Provider> providers, List<InvalidInputException> failures,
                            List<CustomProviders.Renamed> renamed) {
        Map<String, Provider> map = new LinkedHashMap<>();
        for (Provider p : providers) {
            if (map.putIfAbsent(p.id(), p) != null) {
                throw new InvalidInputException("provider id '" + p.id() + "' is used twice")
                        .says("catalogue.twice", p.id());
            }
        }
        this.providers = List.copyOf(providers);
        this.byId = Map.copyOf(map);
        this.failures = List.copyOf(failures);
        this.renamed = List.copyOf(renamed);
    }

    /** The catalogue shipped with Port853, read once. */
    public static ProviderCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /** The bundled catalogue plus the custom providers in the default location; never throws for a broken user file. */
    public static ProviderCatalog loadDefault() {
        return withCustom(CustomProviders.inDefaultLocation());
    }

    /** The bundled catalogue plus the given custom providers; a broken file leaves the bundled list and a problem. */
    public static ProviderCatalog withCustom(CustomProviders custom) {
        ProviderCatalog base = bundled();
        try {
            CustomProviders.Loaded loaded = custom.read();
            return new ProviderCatalog(base.with(loaded.providers()).providers, List.of(), loaded.renamed());
        } catch (InvalidInputException e) {
            return new ProviderCatalog(base.providers, List.of(e), List.of());
        }
    }

    /**
     * Parses a provider list (a JSON array, or an object with a {@code providers} array).
     *
     * @throws InvalidInputException naming the entry and field that is wrong
     */
    public static ProviderCatalog parse(InputStream json, boolean custom) {
        return new ProviderCatalog(ProviderJson.readList(json, custom), List.of(), List.of());
    }

    /** This catalogue with more providers appended; an id already present is refused. */
    public ProviderCatalog with(List<Provider> extra) {
        List<Provider> all = new ArrayList<>(providers);
        for (Provider p : extra) {
            if (byId.containsKey(p.id())) {
                throw new InvalidInputException("provider id '" + p.id() + "' is already in the catalogue")
                        .says("catalogue.taken", p.id());
            }
            all.add(p);
        }
        return new ProviderCatalog(all, failures, renamed);
    }

    /** Catalogue order, custom providers last. */
    public List<Provider> all() {
        return providers;
    }

    /** The provider with this id in any case ("QUAD9" is quad9), as modes and formats are taken. */
    public Optional<Provider> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Why something could not be loaded, one sentence each; empty when all is well. */
    public List<String> problems() {
        return failures.stream().map(InvalidInputException::getMessage).toList();
    }

    /** What could not be loaded, as the errors that said so; empty when all is well. */
    public List<InvalidInputException> failures() {
        return failures;
    }

    /** The user's own providers whose id a later catalogue took, listed under a new id until renamed by hand. */
    public List<CustomProviders.Renamed> renamed() {
        return renamed;
    }

    private static final class Bundled {
        static final ProviderCatalog INSTANCE = load();

        private static ProviderCatalog load() {
            try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled provider catalogue " + RESOURCE + " is missing");
                }
                return parse(in, false);
            } catch (IOException | InvalidInputException e) {
                throw new IllegalStateException("the bundled provider catalogue is broken: " + e.getMessage(), e);
            }
        }
    }
}
