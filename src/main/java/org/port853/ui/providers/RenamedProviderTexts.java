package org.port853.ui.providers;

import org.port853.core.CustomProviders;
import org.port853.ui.common.I18n;

import java.util.List;
import java.util.stream.Collectors;

/** Says which of the user's own providers are listed under a new id, one sentence each; null when none is. */
public final class RenamedProviderTexts {
    private RenamedProviderTexts() {
    }

    public static String of(List<CustomProviders.Renamed> renamed) {
        if (renamed.isEmpty()) {
            return null;
        }
        return renamed.stream().map(r -> I18n.t("providers.renamed.one", r.displayName(), r.id(), r.idInFile()))
                .collect(Collectors.joining(" ")) + " " + I18n.t("providers.renamed.after");
    }
}
