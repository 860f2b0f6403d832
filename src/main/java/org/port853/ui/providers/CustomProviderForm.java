package org.port853.ui.providers;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.port853.core.CustomProviders;
import org.port853.core.InvalidInputException;
import org.port853.core.Provider;
import org.port853.ui.common.InputErrorTexts;
import org.port853.ui.common.ProviderTexts;

/**
 * The "your own provider" dialog's fields. Each field is checked when the user leaves it (with core's rules,
 * the same as the CLI's); the id is derived from the name; an internationalized TLS name is accepted and kept
 * in its ASCII (punycode) form.
 */
public final class CustomProviderForm {
    public enum Field { NAME, ADDRESSES, TLS_NAME }

    /** The longest id {@link org.port853.core.ProviderJson#ID} takes. */
    private static final int MAX_ID = org.port853.core.ProviderIds.MAX;

    private static final String GOOD_ADDRESS = "192.0.2.1";
    private static final String GOOD_NAME = "dns.example";

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty addresses = new SimpleStringProperty("");
    private final StringProperty tlsName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper addressesError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tlsNameError = new ReadOnlyStringWrapper();
    /** What the addresses field warns of without refusing it (an IPv6 address ending in what looks like a port). */
    private final ReadOnlyStringWrapper addressesWarning = new ReadOnlyStringWrapper();
    /** No other field has a warning: it stays null. */
    private final ReadOnlyStringWrapper noWarning = new ReadOnlyStringWrapper();
    /** The saved provider the fields edit, or null when they make a new one. */
    private Provider editing;

    public CustomProviderForm() {
        // a field that shows an error is checked again as it is edited, so the error goes as soon as the text is right
        // (not when the field is left: that is the press on "Save and use", and the dialog moving under it lost the click)
        for (Field f : Field.values()) {
            text(f).addListener((o, a, b) -> {
                if (error(f).get() != null || warning(f).get() != null) check(f);
            });
        }
    }

    /** The text typed into {@code f}. */
    StringProperty text(Field f) {
        return switch (f) {
            case NAME -> name;
            case ADDRESSES -> addresses;
            case TLS_NAME -> tlsName;
        };
    }

    /** Checks one field (the user left it); returns true when it is fine. */
    public boolean check(Field f) {
        String error = switch (f) {
            case NAME -> problem(n -> CustomProviders.validate("x", n, GOOD_ADDRESS, GOOD_NAME), name.get());
            case ADDRESSES -> problem(a -> CustomProviders.validate("x", "x", a, GOOD_NAME), addresses.get());
            case TLS_NAME -> problem(t -> CustomProviders.validate("x", "x", GOOD_ADDRESS, t), strippedTlsName());
        };
        error(f).set(error);
        if (f == Field.ADDRESSES) {
            addressesWarning.set(error == null ? PortLikeAddresses.warning(addresses.get()) : null);
        }
        return error == null;
    }

    private static String problem(Function<String, Provider> check, String value) {
        try {
            check.apply(value == null ? "" : value);
            return null;
        } catch (InvalidInputException e) {
            return InputErrorTexts.of(e);
        }
    }

    /** As typed; validation takes an international name in its ASCII form, as on the command line. */
    private String strippedTlsName() {
        return tlsName.get() == null ? "" : tlsName.get().strip();
    }

    /** Checks every field; the provider when all are fine, else null (each field shows its error). */
    public Provider build(List<Provider> catalogue) {
        // an edited provider keeps its id, and its own name and addresses are no one else's
        List<Provider> existing = editing == null ? catalogue
                : catalogue.stream().filter(p -> !p.id().equals(editing.id())).toList();
        boolean ok = check(Field.NAME) & check(Field.ADDRESSES) & check(Field.TLS_NAME);
        if (!ok) {
            return null;
        }
        String shown = name.get().strip();
        // two rows of the same name could not be told apart in the list, the draft or the delete question
        if (existing.stream().anyMatch(p -> p.displayName().strip().equalsIgnoreCase(shown))) {
            nameError.set(org.port853.ui.common.I18n.t("custom.name.taken", shown));
            return null;
        }
        String id = editing != null ? editing.id() : uniqueId(deriveId(name.get()), existing);
        Provider built;
        try {
            // a DoH template, pins and other TLS names (only the file sets them) are not among the fields: they stay
            built = CustomProviders.validate(id, name.get().strip(), addresses.get(), strippedTlsName(),
                    editing == null ? null : editing.dohTemplate());
            built = editing == null ? built : built.keepingUnshownOf(editing);
        } catch (InvalidInputException e) {
            nameError.set(InputErrorTexts.of(e));
            return null;
        }
        // a second provider with the same server would add nothing when chosen: the change would drop it silently
        // (a server in use that no provider names is listed as an entry of its own: naming it is what this is for)
        for (org.port853.core.ServerAddress a : built.servers()) {
            Provider owner = existing.stream().filter(p -> !org.port853.ui.common.InUseServers.isEntry(p)
                    && addressesOf(p).contains(a.addressText())).findFirst().orElse(null);
            if (owner != null) {
                addressesError.set(org.port853.ui.common.I18n.t("custom.address.taken", a.addressText(),
                        ProviderTexts.name(owner)));
                return null;
            }
        }
        return built;
    }

    private static List<String> addressesOf(Provider p) {
        return p.servers().stream().map(org.port853.core.ServerAddress::addressText).toList();
    }

    /** "Home DoT server" → "home-dot-server"; a name without Latin letters or digits gets a stable hash. */
    static String deriveId(String displayName) {
        String n = displayName == null ? "" : displayName.strip();
        String slug = org.port853.ui.common.Slugs.of(java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", ""));
        slug = org.port853.core.ProviderIds.cut(slug, MAX_ID);
        return slug.isEmpty() ? "custom-" + HexFormat.of().toHexDigits(n.hashCode()) : slug;
    }

    private static String uniqueId(String id, List<Provider> existing) {
        return org.port853.core.ProviderIds.unique(id, candidate -> taken(candidate, existing));
    }

    private static boolean taken(String id, List<Provider> existing) {
        return existing.stream().anyMatch(p -> p.id().equals(id))
                || org.port853.core.ProviderCatalog.bundled().find(id).isPresent();
    }

    private ReadOnlyStringWrapper error(Field f) {
        return switch (f) {
            case NAME -> nameError;
            case ADDRESSES -> addressesError;
            case TLS_NAME -> tlsNameError;
        };
    }

    private ReadOnlyStringWrapper warning(Field f) {
        return f == Field.ADDRESSES ? addressesWarning : noWarning;
    }

    public void clear() {
        fill(null, "", "", "");
    }

    /** What was typed into the fields, for a save that might fail ({@link #keep}). */
    public record Typed(Provider editing, String name, String addresses, String tlsName) {
        /** Typed for {@code edited}: both are a new provider, or both the same saved one (by its id). */
        boolean isFor(Provider edited) {
            if (editing == null || edited == null) {
                return editing == edited;
            }
            return editing.id().equals(edited.id());
        }
    }

    /** What a save that failed was given: the dialog shows it again the next time it opens for the same provider. */
    private Typed unsaved;

    public Typed typed() {
        return new Typed(editing, name.get(), addresses.get(), tlsName.get());
    }

    /** Keeps {@code t}, whose save failed, for the next time the dialog opens for its provider (or a new one). */
    public void keep(Typed t) {
        unsaved = t;
    }

    /** Empty fields for a new provider, or what a failed save of a new one was given. */
    public void startNew() {
        if (!restore(null)) clear();
    }

    /** The fields hold a saved custom provider's name, addresses and TLS name, to be changed and saved in its place. */
    public void edit(Provider p) {
        if (!restore(p)) {
            fill(p, p.displayName(), String.join(", ", p.addresses()), p.tlsName() == null ? "" : p.tlsName());
        }
    }

    /** Fills in the kept entries when they were typed for {@code edited} (null: a new provider); once only. */
    private boolean restore(Provider edited) {
        Typed t = unsaved;
        if (t == null || !t.isFor(edited)) {
            return false;
        }
        unsaved = null;
        fill(edited, t.name(), t.addresses(), t.tlsName());
        return true;
    }

    private void fill(Provider edited, String shownName, String shownAddresses, String shownTlsName) {
        editing = edited;
        name.set(shownName);
        addresses.set(shownAddresses);
        tlsName.set(shownTlsName);
        for (Field f : Field.values()) {
            error(f).set(null);
        }
        addressesWarning.set(null);
    }

    /** The saved provider the fields edit, or null when they make a new one. */
    public Provider editing() {
        return editing;
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty addressesProperty() { return addresses; }
    public StringProperty tlsNameProperty() { return tlsName; }
    public ReadOnlyStringProperty errorProperty(Field f) { return error(f).getReadOnlyProperty(); }
    /** What {@code f} warns of without refusing it, or null (shown where its error would be, when it has none). */
    public ReadOnlyStringProperty warningProperty(Field f) { return warning(f).getReadOnlyProperty(); }
}
