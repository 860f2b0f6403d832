package org.port853.ui.providers;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.port853.core.CustomProviders;
import org.port853.core.InvalidInputException;
import org.port853.core.Provider;
import org.port853.core.ResolverState;
import org.port853.ui.AppModel;
import org.port853.ui.apply.ApplyViewModel;
import org.port853.ui.common.Errors;
import org.port853.ui.task.BackgroundTask;
import org.port853.ui.common.I18n;
import org.port853.ui.common.InputErrorTexts;
import org.port853.ui.common.ProviderNames;
import org.port853.ui.common.ProviderTexts;

/**
 * The Providers screen: a draft of servers, mode, DNSSEC and routing that starts from the system's settings;
 * the sticky footer offers "Review and apply" or "Discard" whenever it differs from the system.
 */
public final class ProvidersViewModel {
    private final AppModel model;
    private final ApplyViewModel apply;
    private final ObjectProperty<Provider> detail = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final FilteredList<Provider> filtered;
    private final CustomProviderForm form = new CustomProviderForm();
    private final ReadOnlyStringWrapper choiceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canApply;
    private final BooleanBinding draftDiffers;
    private final StringBinding footerText;
    private final StringBinding blocked;
    private final StringBinding leftOut;

    public ProvidersViewModel(AppModel model, ApplyViewModel apply) {
        this.model = model;
        this.apply = apply;
        this.filtered = new FilteredList<>(model.catalogue());
        filter.addListener((o, a, f) -> applyFilter());
        model.chosen().addListener((javafx.collections.ListChangeListener<Provider>) c -> validateChoice());
        model.modeProperty().addListener((o, a, b) -> validateChoice());
        // "Saved X and added it to the chosen list" describes a draft the new state may have replaced
        model.stateProperty().addListener((o, a, b) -> message.set(""));
        // "Saved X and added it to the chosen list" described the draft as it was: a later edit of it makes it old news
        model.chosen().addListener((javafx.collections.ListChangeListener<Provider>) c -> message.set(""));
        validateChoice();
        canApply = Bindings.createBooleanBinding(() -> choiceError.get() == null && !apply.busy(),
                choiceError, apply.busyProperty());
        // an unedited proposal differs from the system too (encryption is off): it must not look applied
        draftDiffers = model.draftChangesProperty().greaterThan(0).or(model.draftIsProposalProperty());
        footerText = Bindings.createStringBinding(() -> {
            int n = model.draftChangesProperty().get();
            return model.draftIsProposalProperty().get() ? I18n.t("providers.footer.proposal")
                    : n == 1 ? I18n.t("providers.footer.one") : I18n.t("providers.footer.many", n);
        }, model.draftChangesProperty(), model.draftIsProposalProperty());
        blocked = Bindings.createStringBinding(() -> {
            var b = model.blockedProperty().get();
            return b == null ? null : I18n.t("providers.blocked", b.message());
        }, model.blockedProperty());
        leftOut = Bindings.createStringBinding(() -> {
            var s = model.stateProperty().get();
            String servers = s == null || !s.readable() ? null : ProviderNames.notWritable(s.global().servers());
            return servers == null ? null : I18n.t("providers.leftOut", servers);
        }, model.stateProperty());
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(f.isEmpty() ? null : p -> String.join("\u0000", p.displayName(), ProviderTexts.name(p), nz(p.operator()), ProviderTexts.operator(p),
                nz(p.jurisdiction()), ProviderTexts.jurisdiction(p.jurisdiction()), p.id()).toLowerCase(Locale.ROOT).contains(f));
    }

    private void validateChoice() {
        try {
            model.desired();
            choiceError.set(null);
        } catch (InvalidInputException e) {
            choiceError.set(model.chosen().isEmpty() ? I18n.t("providers.chooseOne") : InputErrorTexts.of(e));
        }
    }

    /** True when the resolver uses this provider right now. */
    public boolean isActive(Provider p) {
        ResolverState s = model.stateProperty().get();
        return s != null && s.readable() && model.encryptionOn()
                && ProviderNames.providersOf(s.global().servers(), model.catalogue()).contains(p);
    }

    public boolean isRecommended(Provider p) {
        return ProviderNames.isRecommended(p);
    }

    public boolean isChosen(Provider p) {
        return model.chosen().contains(p);
    }

    /** Adds the provider to the draft, or takes it out. */
    public void toggle(Provider p) {
        if (p == null) {
            return;
        }
        if (model.chosen().contains(p)) {
            model.chosen().remove(p);
        } else {
            model.chosen().add(p);
        }
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

    /**
     * Saves the dialog's provider and adds it to the draft, or saves an edited one in its place; false (errors shown
     * per field) when invalid.
     */
    public boolean saveCustom() {
        Provider edited = form.editing();
        Provider p = form.build(List.copyOf(model.catalogue()));
        if (p == null) {
            return false;
        }
        CustomProviderForm.Typed typed = form.typed();
        if (edited != null) {
            boolean wasActive = isActive(edited);
            // the system keeps what it was given until the user applies, which the note says when the system uses it
            save(p, typed, saved -> message.set(I18n.t(wasActive && !isActive(saved) ? "custom.edited.inUse"
                    : "custom.edited", p.displayName())));
        } else {
            save(p, typed, saved -> {
                if (!model.chosen().contains(saved)) {
                    model.chosen().add(saved);
                }
                message.set(I18n.t("custom.saved", p.displayName()));
            });
        }
        form.clear();
        return true;
    }

    /**
     * Saves {@code p} in the file off the JavaFX thread, shows it in the list and the draft, then {@code then}. The
     * dialog has closed by then: where the save fails, what was {@code typed} is kept for its next opening.
     */
    private void save(Provider p, CustomProviderForm.Typed typed, java.util.function.Consumer<Provider> then) {
        model.tasks().execute(BackgroundTask.of(() -> {
            model.services().providers().saveCustom().accept(p);
            return model.services().providers().catalogue().get().all();
        }).onSuccess(all -> {
            Provider saved = all.stream().filter(x -> x.id().equals(p.id())).findFirst().orElse(p);
            model.showSavedProvider(saved);
            then.accept(saved);
        }).onFailure(e -> {
            form.keep(typed);
            failed(e, "custom.notSaved.fileRefused", p, I18n.t("custom.notSaved.kept"));
        }));
    }

    /**
     * Says why saving or deleting {@code p} failed; a refused file is said once, in the banner above the list (read
     * again, as it may have broken since the last reading), and here only that nothing was changed.
     */
    private void failed(Throwable e, String fileRefusedKey, Provider p, String after) {
        String then = after.isEmpty() ? "" : " " + after;
        if (e instanceof CustomProviders.Refused) {
            // said once the reading is shown: the state it brings clears this screen's message
            String said = I18n.t(fileRefusedKey, p.displayName()) + then;
            model.refresh(() -> message.set(said));
        } else {
            message.set(Errors.describe(e) + then);
        }
    }

    /** Deletes a custom provider (the view has asked for confirmation). */
    public void removeCustom(Provider p) {
        if (p == null || !p.custom()) {
            return;
        }
        model.tasks().execute(BackgroundTask.of(() -> {
            model.services().providers().removeCustom().accept(p.id());
            return p;
        }).onSuccess(removed -> {
            model.showDeletedProvider(p);
            message.set(I18n.t("custom.deleted", p.displayName()));
        }).onFailure(e -> failed(e, "custom.notDeleted.fileRefused", p, "")));
    }

    public void apply() {
        if (canApply.get()) {
            apply.beginApplyOrExplain(model::desired);
        }
    }

    public void discard() {
        model.resetDraft();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public AppModel model() { return model; }
    public ObservableList<Provider> catalogue() { return model.catalogue(); }
    public FilteredList<Provider> filtered() { return filtered; }
    public StringProperty filterProperty() { return filter; }
    public ObservableList<Provider> chosen() { return model.chosen(); }
    public ObjectProperty<Provider> detailProperty() { return detail; }
    public CustomProviderForm form() { return form; }
    public ReadOnlyStringProperty choiceErrorProperty() { return choiceError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding canApplyBinding() { return canApply; }
    /** The draft differs from the system: the footer shows. */
    public BooleanBinding draftDiffersBinding() { return draftDiffers; }
    /**
     * Why choices made here cannot be applied on this machine now (no resolver, its state unreadable), or null: the
     * draft cannot be compared with the system then, so no footer would ever show.
     */
    public StringBinding blockedBinding() { return blocked; }
    /** The servers in use that the draft leaves out as Port853 cannot write their names, said; null if none. */
    public StringBinding leftOutBinding() { return leftOut; }
    /** "3 changes" (not yet applied). */
    public StringBinding footerTextBinding() { return footerText; }
    /** Discard returns to the system's draft: nothing to discard while the draft is that proposal. */
    public javafx.beans.property.ReadOnlyBooleanProperty discardPointlessProperty() {
        return model.draftIsProposalProperty();
    }

    /** Why the user's own providers could not be read (null when they could). */
    public javafx.beans.property.ReadOnlyStringProperty providerProblemProperty() {
        return model.providerProblemProperty();
    }

    /** The file of the user's own providers that was refused and left as it is (null when read): fixed there, by hand. */
    public javafx.beans.property.ReadOnlyObjectProperty<java.nio.file.Path> refusedProviderFileProperty() {
        return model.refusedProviderFileProperty();
    }

    /** Which of the user's own providers are listed under a new id, as an update gave theirs to a built-in one. */
    public javafx.beans.property.ReadOnlyStringProperty providersRenamedProperty() {
        return model.providersRenamedProperty();
    }

    /** The address of the refused file's folder, for the desktop's file manager; null when no file was refused. */
    public String refusedProviderFolder() {
        java.nio.file.Path file = model.refusedProviderFileProperty().get();
        return file == null ? null : file.toAbsolutePath().getParent().toUri().toString();
    }

    /** Reads the providers again: the user fixed their file. */
    public void readProvidersAgain() {
        model.refresh();
    }
}
