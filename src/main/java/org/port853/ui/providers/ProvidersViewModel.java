package org.port853.ui.providers;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.port853.core.CustomProviders;
import org.port853.core.InvalidInputException;
import org.port853.core.Provider;
import org.port853.ui.AppModel;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.Background;
import org.port853.ui.common.I18n;

/** The Providers screen: catalogue, the ordered choice, mode, DNSSEC, routing, and the custom form. */
public final class ProvidersViewModel {
    private final AppModel model;
    private final ApplyViewModel apply;
    private final ObjectProperty<Provider> detail = new SimpleObjectProperty<>();
    private final StringProperty customId = new SimpleStringProperty("");
    private final StringProperty customName = new SimpleStringProperty("");
    private final StringProperty customAddresses = new SimpleStringProperty("");
    private final StringProperty customTlsName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper customError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper customValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper customDirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper choiceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding canApply;
    private Provider validated;

    public ProvidersViewModel(AppModel model, ApplyViewModel apply) {
        this.model = model;
        this.apply = apply;
        for (StringProperty p : new StringProperty[]{customId, customName, customAddresses, customTlsName}) {
            p.addListener((o, a, b) -> validateCustom());
        }
        model.chosen().addListener((javafx.collections.ListChangeListener<Provider>) c -> validateChoice());
        model.modeProperty().addListener((o, a, b) -> validateChoice());
        validateChoice();
        canApply = Bindings.createBooleanBinding(() -> choiceError.get() == null
                        && (!customDirty.get() || customValid.get()) && !apply.busy(),
                choiceError, customDirty, customValid, apply.phaseProperty());
    }

    private void validateCustom() {
        boolean dirty = !(customId.get().isBlank() && customName.get().isBlank() && customAddresses.get().isBlank()
                && customTlsName.get().isBlank());
        customDirty.set(dirty);
        saveMessage.set("");
        if (!dirty) {
            customError.set(null);
            customValid.set(false);
            validated = null;
            return;
        }
        try {
            String id = customId.get().isBlank() ? slug(customName.get()) : customId.get().trim();
            validated = CustomProviders.validate(id, customName.get().trim(), customAddresses.get(),
                    customTlsName.get().trim());
            customError.set(null);
            customValid.set(true);
        } catch (InvalidInputException e) {
            validated = null;
            customError.set(e.getMessage());
            customValid.set(false);
        }
    }

    static String slug(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s;
    }

    private void validateChoice() {
        try {
            model.desired();
            choiceError.set(null);
        } catch (InvalidInputException e) {
            choiceError.set(model.chosen().isEmpty() ? I18n.t("providers.chooseOne") : e.getMessage());
        }
    }

    /** Saves the custom provider and adds it to the choice. */
    public void addCustom() {
        Provider p = validated;
        if (p == null || !customValid.get()) {
            return;
        }
        model.background().run(() -> {
            model.services().providers().saveCustom().accept(p);
            return model.services().providers().all().get();
        }, all -> {
            model.catalogue().setAll(all);
            Provider saved = all.stream().filter(x -> x.id().equals(p.id())).findFirst().orElse(p);
            if (!model.chosen().contains(saved)) {
                model.chosen().add(saved);
            }
            customId.set("");
            customName.set("");
            customAddresses.set("");
            customTlsName.set("");
            saveMessage.set(I18n.t("custom.saved", p.displayName()));
        }, e -> customError.set(Background.describe(e)));
    }

    public void removeCustom(Provider p) {
        if (p == null || !p.custom()) {
            return;
        }
        model.background().run(() -> {
            model.services().providers().removeCustom().accept(p.id());
            return model.services().providers().all().get();
        }, all -> {
            model.chosen().remove(p);
            model.catalogue().setAll(all);
        }, e -> saveMessage.set(Background.describe(e)));
    }

    public void choose(Provider p) {
        if (p != null && !model.chosen().contains(p)) {
            model.chosen().add(p);
        }
    }

    public void unchoose(Provider p) {
        model.chosen().remove(p);
    }

    /** Moves a chosen provider up (-1) or down (+1); resolved tries servers in this order. */
    public int move(Provider p, int delta) {
        ObservableList<Provider> l = model.chosen();
        int i = l.indexOf(p);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= l.size()) {
            return i;
        }
        l.remove(i);
        l.add(j, p);
        return j;
    }

    public void apply() {
        if (canApply.get()) {
            apply.beginApplyOrExplain(model::desired);
        }
    }

    public AppModel model() { return model; }
    public ObservableList<Provider> catalogue() { return model.catalogue(); }
    public ObservableList<Provider> chosen() { return model.chosen(); }
    public ObjectProperty<Provider> detailProperty() { return detail; }
    public StringProperty customIdProperty() { return customId; }
    public StringProperty customNameProperty() { return customName; }
    public StringProperty customAddressesProperty() { return customAddresses; }
    public StringProperty customTlsNameProperty() { return customTlsName; }
    public ReadOnlyStringProperty customErrorProperty() { return customError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty customValidProperty() { return customValid.getReadOnlyProperty(); }
    public ReadOnlyStringProperty choiceErrorProperty() { return choiceError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty saveMessageProperty() { return saveMessage.getReadOnlyProperty(); }
    public BooleanBinding canApplyBinding() { return canApply; }
}
