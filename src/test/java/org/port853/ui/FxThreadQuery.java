package org.port853.ui;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.testfx.service.query.NodeQuery;

/** A TestFX node query that walks the scene graph on the JavaFX thread, where the window changes it. */
final class FxThreadQuery implements NodeQuery {
    private final NodeQuery query;

    private FxThreadQuery(NodeQuery query) {
        this.query = query;
    }

    /** The query {@code made} builds, built and later run on the JavaFX thread. */
    static NodeQuery of(Callable<NodeQuery> made) {
        return new FxThreadQuery(onFx(made));
    }

    /**
     * Runs {@code work} on the JavaFX thread and returns its result or throws its exception. Not through
     * WaitForAsyncUtils.asyncFx: that also keeps a failure to throw it again from the next asyncFx call, which would
     * then be a later test's (or its window's shutdown's).
     */
    static <T> T onFx(Callable<T> work) {
        try {
            if (Platform.isFxApplicationThread()) return work.call();
            java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return of(() -> query.from(parentNodes));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return of(() -> query.from(parentNodes));
    }

    @Override
    public NodeQuery lookup(String query) {
        return of(() -> this.query.lookup(query));
    }

    @Override
    public <T> NodeQuery lookup(Matcher<T> matcher) {
        return of(() -> query.lookup(matcher));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return of(() -> query.lookup(predicate));
    }

    @Override
    public NodeQuery lookup(Function<Node, Set<Node>> function) {
        return of(() -> query.lookup(function));
    }

    @Override
    public <T> NodeQuery match(Matcher<T> matcher) {
        return of(() -> query.match(matcher));
    }

    @Override
    public <T extends Node> NodeQuery match(Predicate<T> predicate) {
        return of(() -> query.match(predicate));
    }

    @Override
    public NodeQuery nth(int index) {
        return of(() -> query.nth(index));
    }

    @Override
    public <T extends Node> T query() {
        return onFx(query::<T>query);
    }

    @Override
    public <T extends Node> T queryAs(Class<T> clazz) {
        return onFx(() -> query.queryAs(clazz));
    }

    @Override
    public <T extends Node> Optional<T> tryQuery() {
        return onFx(query::<T>tryQuery);
    }

    @Override
    public <T extends Node> Optional<T> tryQueryAs(Class<T> clazz) {
        return onFx(() -> query.tryQueryAs(clazz));
    }

    @Override
    public <T extends Node> Set<T> queryAll() {
        return onFx(query::<T>queryAll);
    }

    @Override
    public <T extends Node> Set<T> queryAllAs(Class<T> clazz) {
        return onFx(() -> query.queryAllAs(clazz));
    }
}
