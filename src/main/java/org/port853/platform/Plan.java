package org.port853.platform;

import java.util.List;

import org.port853.core.Sentence;
import org.port853.core.Words;

/**
 * The exact effect of applying settings: new file contents and the actions around them. A refused plan
 * carries its reason and no changes. {@code itemKind} is how documents name the main item (the first file):
 * {@code "dropIn"} on Linux; null when the platform shows none. {@code actionWords} (empty, or one per action) and
 * {@code refusalWords} (null when there are none) are how the window says the actions and the refusal. {@code notes}:
 * what the change does beyond its actions that a user must hear before and after it (e.g. it lowers a setting an
 * administrator made in another file).
 */
public record Plan(List<FileChange> files, List<String> actions, String refusal, String itemKind,
                   List<Words> actionWords, Words refusalWords, List<Sentence> notes) {
    public Plan {
        files = List.copyOf(files);
        actions = List.copyOf(actions);
        actionWords = List.copyOf(actionWords);
        notes = List.copyOf(notes);
        if (!actionWords.isEmpty() && actionWords.size() != actions.size()) {
            throw new IllegalArgumentException("words for " + actionWords.size() + " of " + actions.size() + " actions");
        }
    }

    public Plan(List<FileChange> files, List<String> actions, String refusal, String itemKind,
                List<Words> actionWords, Words refusalWords) {
        this(files, actions, refusal, itemKind, actionWords, refusalWords, List.of());
    }

    public Plan(List<FileChange> files, List<String> actions, String refusal, String itemKind) {
        this(files, actions, refusal, itemKind, List.of(), null);
    }

    public Plan(List<FileChange> files, List<String> actions, String refusal) {
        this(files, actions, refusal, null);
    }

    /** A plan whose actions are said by their words. */
    public Plan(List<FileChange> files, Steps actions) {
        this(files, actions.texts(), null, null, actions.words(), null);
    }

    public static Plan refused(String reason) {
        return new Plan(List.of(), List.of(), reason);
    }

    public static Plan refused(Sentence reason) {
        return new Plan(List.of(), List.of(), reason.english(), null, List.of(), reason.words());
    }

    public Plan withItemKind(String kind) {
        return new Plan(files, actions, refusal, kind, actionWords, refusalWords, notes);
    }

    public Plan withNotes(List<Sentence> said) {
        return new Plan(files, actions, refusal, itemKind, actionWords, refusalWords, said);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** Not refused, and neither a file nor anything else would change (settings in place and in effect). */
    public boolean changesNothing() {
        return !isRefused() && !changesFiles() && actions.isEmpty();
    }

    /** Some file would change. */
    public boolean changesFiles() {
        return files.stream().anyMatch(FileChange::changes);
    }

    /** The file at {@code path} would change. */
    public boolean changes(java.nio.file.Path path) {
        return files.stream().anyMatch(f -> f.changes() && f.path().equals(path.toString()));
    }

    /** Unified-style diff of every file, for previews. */
    public String diff() {
        StringBuilder b = new StringBuilder();
        for (FileChange f : files) {
            b.append(f.diff());
        }
        return b.toString();
    }
}
