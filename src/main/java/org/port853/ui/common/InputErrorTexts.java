package org.port853.ui.common;

import java.util.ArrayList;
import java.util.List;

import org.port853.core.InvalidInputException;
import org.port853.core.Words;

/**
 * Refused input in the window's words, from its bundles: {@code input.<wording>} with, in order, the subject
 * ({@code input.subject.<subject>}) when the refusal names one, its details, and the wrapped refusal's text when it
 * wraps one (see {@link InvalidInputException#words()}, {@link I18n#said}). A refusal without words (or without bundle
 * text) keeps core's English; BundlesTest keeps every wording in both bundles.
 */
public final class InputErrorTexts {
    private InputErrorTexts() {
    }

    /** The refusal as one sentence: starting with a capital where core's English does. */
    public static String of(InvalidInputException e) {
        String text = inner(e);
        String english = e.getMessage() == null ? "" : e.getMessage();
        boolean sentence = !english.isEmpty() && Character.isUpperCase(english.charAt(0));
        return sentence && !text.isEmpty() ? text.substring(0, 1).toUpperCase(I18n.locale()) + text.substring(1) : text;
    }

    private static String inner(InvalidInputException e) {
        Words w = e.words();
        if (w == null) {
            return e.getMessage() == null ? "" : e.getMessage();
        }
        List<String> args = new ArrayList<>();
        List<Words> parts = new ArrayList<>(); // a detail that is a sentence of its own is said by its words
        if (e.subject() != null) {
            args.add(I18n.has("input.subject." + e.subject()) ? I18n.t("input.subject." + e.subject())
                    : e.subject().replace('-', ' '));
            parts.add(null);
        }
        args.addAll(w.details());
        parts.addAll(w.parts().isEmpty() ? java.util.Collections.nCopies(w.details().size(), null) : w.parts());
        if (e.because() != null) {
            args.add(inner(e.because()));
            parts.add(null);
        }
        return I18n.said("input.", new Words(w.wording(), args,
                parts.stream().allMatch(java.util.Objects::isNull) ? List.of() : parts), "", e.getMessage());
    }
}
