package org.port853.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.core.DotMode;
import org.port853.core.Provider;
import org.port853.core.ServerAddress;
import org.port853.ui.common.I18n;
import org.port853.ui.providers.CustomProviderForm;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Providers screen: a draft from the system, a sticky footer, and the custom provider dialog. */
class ProvidersScreenTest extends WindowTestBase {
    @Test
    @DisplayName("deleting a custom provider in use asks which one (its address), warns it is in use, and Enter cancels")
    void deleteAsksWithCancelAsDefault(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(ServerAddress.parse("198.18.77.2#dot.test")), true));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        saveOwn("Rig", "198.18.77.2");
        robot.clickOn("#tab-providers .tab-label");
        // looked up on the JavaFX thread: a lookup from the test thread walked the screen while it was being built
        // (CI: IndexOutOfBoundsException in Parent.lookupAll)
        waitUntil(() -> robot.lookup("#provider-list").tryQuery().isPresent());
        ListView<Provider> list = fx(() -> robot.lookup("#provider-list").query());
        waitUntil(() -> list.getItems().stream().anyMatch(p -> p.custom()));
        fx(() -> {
            list.getSelectionModel().select(list.getItems().stream().filter(Provider::custom).findFirst().orElseThrow());
            return null;
        });
        waitUntil(() -> visible(robot, "#provider-delete-custom"));
        robot.clickOn("#provider-delete-custom");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        String question = fx(pane::getContentText);
        assertTrue(question.contains("Rig (198.18.77.2)") && question.contains(I18n.t("providers.delete.inUse")), question);
        assertTrue(fx(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL))
                .isDefaultButton()), "Cancel is the default: Enter must not delete");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> window.model().catalogue().stream().anyMatch(Provider::custom)), "not deleted");
    }

    @Test
    @DisplayName("Edit… opens the dialog filled in and titled for editing; Escape changes nothing, Save changes "
            + "replaces the provider in place, and the details and the note show the edit")
    void editACustomProviderInUse(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(ServerAddress.parse("198.18.77.2#dot.tyop.test")), true));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        fx(() -> {
            var form = window.providersViewModel().form();
            form.nameProperty().set("Rig");
            form.addressesProperty().set("198.18.77.2");
            form.tlsNameProperty().set("dot.tyop.test");
            return window.providersViewModel().saveCustom();
        });
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> robot.lookup("#provider-list").tryQuery().isPresent());
        ListView<Provider> list = fx(() -> robot.lookup("#provider-list").query());
        waitUntil(() -> list.getItems().stream().anyMatch(Provider::custom));
        fx(() -> {
            // filtered, as a user finds a provider of their own (the rig: the edit's row lost its selection there)
            window.providersViewModel().filterProperty().set("rig");
            list.getSelectionModel().select(list.getItems().stream().filter(Provider::custom).findFirst().orElseThrow());
            return null;
        });
        waitUntil(() -> visible(robot, "#provider-edit-custom"));
        robot.clickOn("#provider-edit-custom");
        waitUntil(() -> visible(robot, "#custom-tls"));
        javafx.scene.control.TextField tls = fx(() -> robot.lookup("#custom-tls").query());
        assertEquals("dot.tyop.test", fx(tls::getText));
        assertEquals(I18n.t("custom.title.edit", "Rig"), fx(() -> ((javafx.stage.Stage) tls.getScene().getWindow())
                .getTitle()));
        fx(() -> {
            tls.setText("dot.changed.test");
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> !visible(robot, "#custom-tls"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dot.tyop.test", fx(() -> list.getItems().stream().filter(Provider::custom).findFirst()
                .orElseThrow().tlsName()), "Escape changed nothing");

        robot.clickOn("#provider-edit-custom");
        waitUntil(() -> visible(robot, "#custom-tls"));
        javafx.scene.control.TextField again = fx(() -> robot.lookup("#custom-tls").query());
        assertEquals("dot.tyop.test", fx(again::getText), "filled in from the saved provider, not the cancelled edit");
        robot.doubleClickOn(again).eraseText(20).write("dot.typo.test");
        robot.clickOn("#custom-add");
        waitUntil(() -> !visible(robot, "#custom-tls"));
        waitUntil(() -> list.getItems().stream().anyMatch(p -> p.custom() && "dot.typo.test".equals(p.tlsName())));
        assertEquals(1, fx(() -> list.getItems().stream().filter(Provider::custom).count()), "replaced, not added");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dot.typo.test", fx(() -> window.providersViewModel().detailProperty().get() == null ? null
                : window.providersViewModel().detailProperty().get().tlsName()), "its row stays selected, edited");
        assertTrue(fx(() -> visible(robot, "#provider-edit-custom")), "its details stay on the screen");
        waitUntil(() -> robot.lookup(".hint").queryAllAs(Label.class).stream()
                .anyMatch(l -> I18n.t("custom.edited.inUse", "Rig").equals(l.getText())));
        assertTrue(adapter.applied.isEmpty(), "nothing written to the system");
    }

    @Test
    @DisplayName("after deleting a provider of one's own the focus is on the list, not on the next one's Delete button "
            + "(walkthrough: Space then started deleting another provider)")
    void focusGoesToTheListAfterADeletion(FxRobot robot) throws Exception {
        openPlaintextMachine();
        for (String[] own : new String[][]{{"Lab A", "198.18.77.2"}, {"Lab B", "198.18.77.3"}, {"Lab C", "198.18.77.4"}}) {
            saveOwn(own[0], own[1]);
        }
        robot.clickOn("#tab-providers .tab-label");
        ListView<Provider> list = robot.lookup("#provider-list").query();
        waitUntil(() -> list.getItems().stream().filter(Provider::custom).count() == 3);
        fx(() -> { // the middle one: another provider of one's own is selected after it
            list.getSelectionModel().select(list.getItems().stream().filter(Provider::custom).skip(1).findFirst().orElseThrow());
            return null;
        });
        waitUntil(() -> visible(robot, "#provider-delete-custom"));
        robot.clickOn("#provider-delete-custom");
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        javafx.scene.control.Button delete = fx(() -> pane.getButtonTypes().stream().map(pane::lookupButton)
                .map(javafx.scene.control.Button.class::cast)
                .filter(b -> b.getText().equals(I18n.t("providers.delete.do"))).findFirst().orElseThrow());
        robot.clickOn(delete);
        waitUntil(() -> window.model().catalogue().stream().filter(Provider::custom).count() == 2);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> visible(robot, "#provider-delete-custom")), "another provider of one's own is selected");
        assertEquals(list, fx(() -> stage.getScene().getFocusOwner()), "the focus is on the list");
    }

    @Test
    @DisplayName("the draft starts from the system's real settings, and the footer appears only when it differs")
    void draftFromSystemAndStickyFooter(FxRobot robot) throws Exception {
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(ServerAddress.parse("194.242.2.2#dns.mullvad.net")), true));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        assertEquals(List.of("mullvad"), fx(() -> window.model().chosen().stream().map(Provider::id).toList()),
                "not the first catalogue row: what the system uses");
        assertEquals(DotMode.STRICT, fx(() -> window.model().modeProperty().get()));
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        assertFalse(visible(robot, "#providers-footer"), "no footer while the draft equals the system");

        ListView<Provider> list = robot.lookup("#provider-list").query();
        // the system's provider is marked active now
        waitUntil(() -> list.getItems().stream().anyMatch(p -> p.id().equals("mullvad")));
        fx(() -> {
            window.providersViewModel().toggle(list.getItems().stream().filter(p -> p.id().equals("quad9")).findFirst().orElseThrow());
            window.model().modeProperty().set(DotMode.OPPORTUNISTIC);
            return null;
        });
        waitUntil(() -> visible(robot, "#providers-footer"));
        Label count = robot.lookup("#draft-changes").query();
        assertEquals("2 changes, not applied yet", fx(count::getText));
        // the count is the items the preview lists as changed: another provider changes the servers, already counted
        fx(() -> {
            window.providersViewModel().toggle(list.getItems().stream().filter(p -> p.id().equals("cloudflare")).findFirst().orElseThrow());
            return null;
        });
        waitUntil(() -> fx(() -> window.model().chosen().size()) == 3);
        assertEquals("2 changes, not applied yet", fx(count::getText));
        fx(() -> {
            window.model().routeAllDomainsProperty().set(!window.model().routeAllDomainsProperty().get());
            return null;
        });
        waitUntil(() -> fx(count::getText).startsWith("3"));
        assertEquals("3 changes, not applied yet", fx(count::getText));
        robot.clickOn("#providers-discard");
        waitUntil(() -> !visible(robot, "#providers-footer"));
        assertEquals(List.of("mullvad"), fx(() -> window.model().chosen().stream().map(Provider::id).toList()));
        assertEquals(DotMode.STRICT, fx(() -> window.model().modeProperty().get()));
    }

    @Test
    @DisplayName("without a resolver the screen says why choices cannot be applied, instead of a footer that never comes")
    void choicesWithoutAResolverSayWhy(FxRobot robot) throws Exception {
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.unavailableState()), () -> new Fakes.FakeCapture(null),
                new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        waitUntil(() -> visible(robot, "#providers-blocked"));
        String why = fx(() -> ((Label) robot.lookup("#providers-blocked").query()).getText());
        assertTrue(why.startsWith("systemd-resolved is not installed, so Port853 cannot manage DNS here."), why);
        assertTrue(why.contains("Status"), why);
        ListView<Provider> list = robot.lookup("#provider-list").query();
        fx(() -> {
            window.providersViewModel().toggle(list.getItems().get(0));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visible(robot, "#providers-footer"));
        assertTrue(visible(robot, "#providers-blocked"), "the reason stays while the user picks");
    }

    @Test
    @DisplayName("a server in use whose name Port853 cannot write is left out of the chosen list, and the screen says so")
    void aServerWhoseNameCannotBeWrittenIsLeftOutVisibly(FxRobot robot) throws Exception {
        // "DNS=198.18.0.2#dns_x.example 9.9.9.9#dns.quad9.net": resolved takes any text after '#', Port853 writes host names
        open(Fakes.services(new Fakes.FakeAdapter(Fakes.strictState(List.of(
                org.port853.core.ServerAddress.parseReported("198.18.0.2#dns_x.example"),
                org.port853.core.ServerAddress.parse("9.9.9.9#dns.quad9.net")), true)),
                () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#providers-left-out"));
        String said = fx(() -> ((Label) robot.lookup("#providers-left-out").query()).getText());
        assertTrue(said.startsWith("198.18.0.2#dns_x.example: in use") && said.contains("removes it"), said);
        assertEquals(List.of("quad9"), fx(() -> window.model().chosen().stream().map(Provider::id).toList()));
        assertFalse(visible(robot, "#providers-footer"), "leaving it out of the list is no change of the user's");
    }

    @Test
    @DisplayName("on a machine whose state was read there is no such banner")
    void noBannerWhenTheStateWasRead(FxRobot robot) throws Exception {
        openPlaintextMachine();
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        assertFalse(visible(robot, "#providers-blocked"));
    }

    @Test
    @DisplayName("a tall window gives the catalogue its extra height; a short one scrolls instead of squeezing the list")
    void catalogueGrowsWithTheWindow(FxRobot robot) throws Exception {
        ListView<Provider> list = openCatalogue(robot);
        double usual = fx(list::getHeight);
        resize(1040, 1200);
        double tall = fx(list::getHeight);
        assertTrue(tall > usual + 200, "the list grew from " + usual + " to " + tall + " px in a 460 px taller window");
        resize(1040, MainWindow.MIN_HEIGHT);
        assertTrue(fx(list::getHeight) >= usual, "squeezed to " + fx(list::getHeight) + " px");
    }

    @Test
    @DisplayName("a server outside the provider list shows in the draft as what it is; no footer until touched; Discard hides it")
    void serverOutsideTheListInTheWindow(FxRobot robot) throws Exception {
        // what `port853 apply --server '198.18.201.2#dot.test' --mode strict --all-domains` leaves behind
        Fakes.FakeAdapter adapter = new Fakes.FakeAdapter(Fakes.strictState(
                List.of(ServerAddress.parse("198.18.201.2#dot.test")), true));
        open(Fakes.services(adapter, () -> new Fakes.FakeCapture(null), new Fakes.RecordingNotifier()));
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#chosen-list"));
        ListView<Provider> chosen = robot.lookup("#chosen-list").query();
        waitUntil(() -> fx(() -> chosen.getItems().size()) == 1);
        // the list lays out its cells after the items arrive: wait for the drawn one
        waitUntil(() -> fx(() -> robot.lookup("#chosen-list .list-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((javafx.scene.control.Labeled) n).getText() != null)));
        javafx.scene.control.Labeled first = fx(() -> (javafx.scene.control.Labeled) robot.lookup("#chosen-list .list-cell")
                .queryAll().stream().filter(n -> n.isVisible() && ((javafx.scene.control.Labeled) n).getText() != null)
                .findFirst().orElseThrow());
        String text = fx(first::getText);
        assertTrue(text.startsWith("1. 198.18.201.2 · dot.test (in use now"), text);
        assertFalse(visible(robot, "#providers-footer"), "nothing touched: no footer");
        assertEquals("", fx(() -> ((Label) robot.lookup("#choice-error").query()).getText()), "no 'choose a provider'");

        robot.clickOn(first);
        robot.clickOn("#chosen-remove");
        waitUntil(() -> visible(robot, "#providers-footer"));
        assertEquals("1 change, not applied yet", fx(() -> ((Label) robot.lookup("#draft-changes").query()).getText()));
        robot.clickOn("#providers-discard");
        waitUntil(() -> !visible(robot, "#providers-footer"));
        assertEquals(1, (int) fx(() -> chosen.getItems().size()), "Discard brings the server back");
    }

    @Test
    @DisplayName("the catalogue keeps its width when a provider is selected (its details shown) or chosen")
    void columnsKeepTheirWidths(FxRobot robot) throws Exception {
        openPlaintextMachine();
        resize(1400, 740);
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        WaitForAsyncUtils.waitForFxEvents();
        Node block = robot.lookup("#providers-catalogue-block").query();
        ListView<Provider> list = robot.lookup("#provider-list").query();
        double before = fx(() -> block.getBoundsInParent().getWidth());
        for (int i = 0; i < 3; i++) {
            int row = i;
            fx(() -> {
                list.getSelectionModel().select(row);
                window.providersViewModel().toggle(list.getItems().get(row));
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(before, fx(() -> block.getBoundsInParent().getWidth()), 0.5, "after selecting row " + row);
        }
    }

    /** The plaintext machine's window on the Providers screen: its catalogue list. */
    private ListView<Provider> openCatalogue(FxRobot robot) throws Exception {
        openPlaintextMachine();
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        return robot.lookup("#provider-list").query();
    }

    @Test
    @DisplayName("keyboard: End selects the last provider and shows its whole row (rows differ in height)")
    void endShowsTheLastRowWhole(FxRobot robot) throws Exception {
        ListView<Provider> list = openCatalogue(robot);
        int catalogue = fx(() -> list.getItems().size());
        for (String name : List.of("My server", "Second")) { // as the walkthrough had it: two of the user's own last
            fx(() -> {
                var form = window.providersViewModel().form();
                form.nameProperty().set(name);
                form.addressesProperty().set(name.equals("Second") ? "198.51.100.31" : "198.51.100.30");
                form.tlsNameProperty().set("dot.example");
                return window.providersViewModel().saveCustom();
            });
        }
        waitUntil(() -> fx(() -> list.getItems().size()) == catalogue + 2);
        fx(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
            list.getFocusModel().focus(0);
            return null;
        });
        // the key as the focused list receives it (the robot's goes to whichever window has the focus)
        fx(() -> {
            for (javafx.event.EventType<javafx.scene.input.KeyEvent> t : List.of(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    javafx.scene.input.KeyEvent.KEY_RELEASED)) {
                list.fireEvent(new javafx.scene.input.KeyEvent(t, "", "", javafx.scene.input.KeyCode.END, false, false,
                        false, false));
            }
            return null;
        });
        int last = fx(() -> list.getItems().size() - 1);
        waitUntil(() -> fx(() -> list.getSelectionModel().getSelectedIndex()) == last);
        java.util.concurrent.Callable<String> lastRow = () -> fx(() -> {
            javafx.geometry.Bounds view = list.localToScene(list.getLayoutBounds());
            for (Node n : list.lookupAll(".list-cell")) {
                if (n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == last && c.isVisible()) {
                    javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
                    boolean whole = cell.getMinY() >= view.getMinY() - 1 && cell.getMaxY() <= view.getMaxY() + 1;
                    return whole ? null : "row " + cell.getMinY() + "-" + cell.getMaxY() + " in list " + view.getMinY()
                            + "-" + view.getMaxY();
                }
            }
            return "no cell for the last row";
        });
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String problem = lastRow.call();
        while (problem != null && System.nanoTime() < until) {
            Thread.sleep(100);
            problem = lastRow.call();
        }
        assertEquals(null, problem, "the last row is shown whole");
    }

    @Test
    @DisplayName("keyboard: the catalogue is one Tab stop; Down moves the row and Space ticks that row, twice the same one")
    void keyboardTicksTheRowItIsOn(FxRobot robot) throws Exception {
        ListView<Provider> list = openCatalogue(robot);
        robot.clickOn("#provider-filter");
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> stage.getScene().getFocusOwner() == list), "Tab from the filter goes to the list");
        fx(() -> {
            list.getSelectionModel().select(0);
            list.getFocusModel().focus(0);
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.DOWN, 2);
        Provider third = fx(() -> list.getItems().get(2));
        assertEquals(third, fx(() -> list.getSelectionModel().getSelectedItem()));
        List<Provider> before = fx(() -> List.copyOf(window.model().chosen()));
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> window.model().chosen().contains(third));
        assertTrue(fx(() -> stage.getScene().getFocusOwner() == list), "the focus stays on the list after the tick");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> !window.model().chosen().contains(third));
        assertEquals(before, fx(() -> List.copyOf(window.model().chosen())), "the second Space undid the first, nothing else");
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> {
            Node f = stage.getScene().getFocusOwner();
            for (Node n = f; n != null; n = n.getParent()) {
                if (n == list) return true;
            }
            return false;
        }), "Tab leaves the list instead of walking its check boxes");
    }

    @Test
    @DisplayName("a file of one's own providers with a key twice: the window says which key and where once, keeps the "
            + "file as it is when a provider is saved, and lists the built-in providers")
    void aCustomFileWithAKeyTwiceIsSaidOnceAndKept(FxRobot robot) throws Exception {
        String text = "[{\"id\": \"lab\", \"displayName\": \"Lab\",\n \"displayName\": \"Lab\", "
                + "\"ipv4\": [\"198.18.77.2\"], \"tlsName\": \"dot.test\"}]";
        java.nio.file.Path file = openWithCustomFile(text);
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#providers-custom-problem"));
        String said = fx(() -> ((Label) robot.lookup("#providers-custom-problem").query()).getText());
        assertEquals("Custom providers file " + file + " is not valid: the key \"displayName\" appears twice in entry "
                + "1 (line 2); delete one of them. Only the built-in providers are shown; the file is left as it is.", said);
        saveOwn("Lab B", "198.18.77.3");
        String notSaved = "Lab B was not saved: your own providers could not be read (the note above says why), and "
                + "their file is left as it is. What you entered is kept: it is back in the dialog when you open it again.";
        waitUntil(() -> notSaved.equals(window.providersViewModel().messageProperty().get()));
        waitUntil(() -> !window.model().refreshingProperty().get());
        // the reading the refusal asks for brings a new state, which cleared the screen's message at once
        assertEquals(notSaved, fx(() -> window.providersViewModel().messageProperty().get()),
                "still said once the reading it asked for is shown");
        waitUntil(() -> visible(robot, "#providers-custom-problem"));
        assertEquals(text, java.nio.file.Files.readString(file), "the refused file is left as it is");
        assertEquals(1, fx(() -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.isVisible()
                && l.getText() != null && l.getText().contains("appears twice")).queryAll().size()),
                "said once, not again by the refused save");
        assertEquals(org.port853.core.ProviderCatalog.bundled().all().size(), fx(() -> window.model().catalogue().size()));
        // the dialog closed as the save began: what was typed comes back when it opens again, once
        robot.clickOn("#custom-open");
        waitUntil(() -> robot.lookup("#custom-name").tryQuery().isPresent());
        assertEquals(List.of("Lab B", "198.18.77.3", "dot.test"), fx(() -> List.of(
                ((javafx.scene.control.TextField) robot.lookup("#custom-name").query()).getText(),
                ((javafx.scene.control.TextField) robot.lookup("#custom-addresses").query()).getText(),
                ((javafx.scene.control.TextField) robot.lookup("#custom-tls").query()).getText())));
        fx(() -> {
            ((javafx.scene.control.Button) robot.lookup(".dialog-pane .button").match(
                    n -> ((javafx.scene.control.Button) n).isCancelButton()).query()).fire();
            return null;
        });
        fx(() -> {
            window.providersViewModel().form().startNew();
            return null;
        });
        assertEquals("", fx(() -> window.providersViewModel().form().nameProperty().get()), "kept for one opening");
    }

    @Test
    @DisplayName("a provider of one's own saved before look-alike names were refused (xn--80ak6aa92e.com, read as "
            + "'apple.com') stays in the list, marked with the name's ASCII form")
    void aLookAlikeNameInTheFileIsMarked(FxRobot robot) throws Exception {
        openWithCustomFile("[{\"id\": \"apple\", \"displayName\": \"Apple DNS\", "
                + "\"ipv4\": [\"198.18.77.2\"], \"tlsName\": \"xn--80ak6aa92e.com\"}]");
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#provider-list"));
        ListView<Provider> list = robot.lookup("#provider-list").query();
        waitUntil(() -> fx(() -> list.getItems().stream().anyMatch(p -> p.id().equals("apple"))));
        fx(() -> {
            list.scrollTo(list.getItems().size() - 1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !robot.lookup(n -> n instanceof javafx.scene.text.Text t && t.getText() != null
                && t.getText().equals("your own · look-alike TLS name: xn--80ak6aa92e.com")).queryAll().isEmpty());
        assertFalse(visible(robot, "#providers-custom-problem"), "the file is read, not refused");
    }

    @Test
    @DisplayName("a file of one's own providers over the limit is refused with a way out: its folder opens in the file "
            + "manager, and once the user has removed the surplus there it is read again; until then it is left as it is")
    void aCustomFileOverTheLimitOffersItsFolderAndAReadAgain(FxRobot robot) throws Exception {
        String tooMany = org.port853.core.ProviderFiles.withProviders(org.port853.core.CustomProviders.MAX_PROVIDERS + 1);
        java.nio.file.Path file = openWithCustomFile(tooMany);
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#providers-custom-folder") && visible(robot, "#providers-custom-again"));
        assertEquals(List.of(I18n.t("providers.customProblem.folder"), I18n.t("providers.customProblem.again")),
                fx(() -> List.of(((javafx.scene.control.Button) robot.lookup("#providers-custom-folder").query()).getText(),
                        ((javafx.scene.control.Button) robot.lookup("#providers-custom-again").query()).getText())));
        robot.clickOn("#providers-custom-folder");
        waitUntil(() -> !opened.isEmpty());
        assertEquals(List.of(file.getParent().toUri().toString()), opened);
        assertEquals(tooMany, java.nio.file.Files.readString(file), "the refused file is left as it is");
        // the user removes one provider in their editor
        java.nio.file.Files.writeString(file, org.port853.core.ProviderFiles.withProviders(
                org.port853.core.CustomProviders.MAX_PROVIDERS));
        robot.clickOn("#providers-custom-again");
        waitUntil(() -> !visible(robot, "#providers-custom-problem"));
        assertEquals(org.port853.core.ProviderCatalog.bundled().all().size() + org.port853.core.CustomProviders.MAX_PROVIDERS,
                fx(() -> window.model().catalogue().size()));
        assertFalse(visible(robot, "#providers-custom-folder"), "no file refused: nothing to open");
    }

    @Test
    @DisplayName("a provider of one's own whose id a Port853 update gave to a built-in one is listed under a new id "
            + "with the others, a notice says so, and once renamed by hand a read again clears it")
    void aCustomIdTakenByTheCatalogueIsListedUnderANewId(FxRobot robot) throws Exception {
        String entries = "{\"id\": \"google\", \"displayName\": \"Lab\", \"ipv4\": [\"198.18.77.2\"], "
                + "\"tlsName\": \"dot.test\"}, {\"id\": \"lab-b\", \"displayName\": \"Lab B\", "
                + "\"ipv4\": [\"198.18.77.3\"], \"tlsName\": \"dot.test\"}";
        java.nio.file.Path file = openWithCustomFile("[" + entries + "]");
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#providers-renamed"));
        assertEquals("Your provider Lab is listed as 'google-2': a Port853 update gave its id 'google' to a built-in "
                + "provider. " + I18n.t("providers.renamed.after"),
                fx(() -> ((Label) robot.lookup("#providers-renamed").query()).getText()));
        assertTrue(fx(() -> window.model().catalogue().stream().map(Provider::id).toList())
                .containsAll(List.of("google-2", "lab-b")), "neither provider of one's own is dropped");
        assertFalse(visible(robot, "#providers-custom-problem"), "the file is read, not refused");
        java.nio.file.Files.writeString(file, "[" + entries.replace("\"google\"", "\"lab\"") + "]");
        robot.clickOn("#providers-renamed-again");
        waitUntil(() -> !visible(robot, "#providers-renamed"));
        assertTrue(fx(() -> window.model().catalogue().stream().map(Provider::id).toList())
                .containsAll(List.of("lab", "lab-b")));
    }

    /** The plaintext machine's window, its providers of one's own read from a file holding {@code text}; the file. */
    private java.nio.file.Path openWithCustomFile(String text) throws Exception {
        java.nio.file.Path file = org.port853.core.ScratchFolders.create("port853-ui-custom")
                .resolve(org.port853.core.CustomProviders.FILE_NAME);
        java.nio.file.Files.writeString(file, text);
        org.port853.core.CustomProviders custom = new org.port853.core.CustomProviders(file);
        open(new AppServices(new Fakes.FakeAdapter(Fakes.plaintextState(null)), () -> new Fakes.FakeCapture(null),
                new Fakes.AnsweringProbe(), new org.port853.ui.providers.ProviderSource(
                        () -> org.port853.core.ProviderCatalog.withCustom(custom), custom::save, custom::remove),
                org.port853.core.ScratchFolders.create("port853-ui-test"), AppServices.newExecutor(),
                new Fakes.RecordingNotifier(), false));
        return file;
    }

    /** Saves a provider of one's own with the TLS name dot.test, as the custom provider dialog does. */
    private void saveOwn(String name, String addresses) throws Exception {
        fx(() -> {
            var form = window.providersViewModel().form();
            form.nameProperty().set(name);
            form.addressesProperty().set(addresses);
            form.tlsNameProperty().set("dot.test");
            return window.providersViewModel().saveCustom();
        });
    }

    /** The window on a plaintext system, with the "your own provider" dialog open. */
    private void openCustomProviderDialog(FxRobot robot) throws Exception {
        openPlaintextMachine();
        robot.clickOn("#tab-providers .tab-label");
        waitUntil(() -> visible(robot, "#custom-open"));
        robot.clickOn("#custom-open");
        waitUntil(() -> visible(robot, "#custom-name"));
    }

    @Test
    @DisplayName("custom provider: the dialog opens with the focus in the Name field, so the first typed text is the name")
    void customProviderDialogFocusesName(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        javafx.scene.control.TextField name = robot.lookup("#custom-name").query();
        waitUntil(() -> name.getScene().getWindow().isFocused());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(name::isFocused), "focus on " + fx(() -> name.getScene().getFocusOwner()));
        robot.targetWindow(name.getScene().getWindow()).write("Home DoT"); // typed into the dialog, as a user does
        waitUntil(() -> "Home DoT".equals(window.providersViewModel().form().nameProperty().get()));
    }

    @Test
    @DisplayName("custom provider: an IPv6 address ending in a port-like group is warned of on leaving the field, as "
            + "the command line warns, and still saved as written")
    void customProviderWarnsOfAPortLikeLastGroup(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        robot.clickOn("#custom-name").write("Lab six");
        robot.clickOn("#custom-addresses").write("2001:db8::1:853");
        robot.clickOn("#custom-tls");
        waitUntil(() -> visible(robot, "#custom-addresses-warning"));
        assertFalse(visible(robot, "#custom-addresses-error"), "a warning, not a refusal");
        javafx.scene.control.Label warning = robot.lookup("#custom-addresses-warning").query();
        assertTrue(fx(warning::getText).startsWith("2001:db8::1:853 is kept as the IPv6 address"), fx(warning::getText));
        assertTrue(fx(() -> warning.getStyleClass().contains("inline-warning")));
        robot.write("dot.test");
        robot.clickOn("#custom-add");
        waitUntil(() -> window.model().chosen().stream().anyMatch(Provider::custom));
        Provider p = fx(() -> window.model().chosen().stream().filter(Provider::custom).findFirst().orElseThrow());
        assertEquals(List.of("2001:db8::1:853"), p.addresses());
    }

    @Test
    @DisplayName("custom provider: each field is checked on leaving it, no id field, IDN names become ASCII")
    void customProviderDialog(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        assertFalse(robot.lookup("#custom-id").tryQuery().isPresent(), "the id is derived, not asked for");
        robot.clickOn("#custom-addresses").write("dns.home.example");
        CustomProviderForm form = window.providersViewModel().form();
        assertNull(fx(() -> form.errorProperty(CustomProviderForm.Field.ADDRESSES).get()), "not while typing");
        robot.clickOn("#custom-tls");
        waitUntil(() -> visible(robot, "#custom-addresses-error"));
        String error = fx(() -> form.errorProperty(CustomProviderForm.Field.ADDRESSES).get());
        assertTrue(error.contains("host name, not an IP address"), error);

        robot.write("dns.bücher.example");
        robot.clickOn("#custom-name").write("Bücher DoT");
        robot.doubleClickOn("#custom-addresses").eraseText(20).write("192.0.2.53");
        robot.clickOn("#custom-name");
        waitUntil(() -> !visible(robot, "#custom-addresses-error"));
        robot.clickOn("#custom-add");
        waitUntil(() -> window.model().chosen().stream().anyMatch(Provider::custom));
        Provider p = fx(() -> window.model().chosen().stream().filter(Provider::custom).findFirst().orElseThrow());
        assertEquals("dns.xn--bcher-kva.example", p.tlsName());
        assertEquals("bucher-dot", p.id());
        assertEquals("Bücher DoT", p.displayName());
        ListView<Provider> list = robot.lookup("#provider-list").query();
        javafx.scene.control.Hyperlink source = robot.lookup("#provider-source").query();
        fx(() -> {
            list.getSelectionModel().select(p);
            return null;
        });
        assertFalse(visible(robot, "#provider-source"), "a provider of your own has no source: no link that opens nothing");
        assertTrue(visible(robot, "#provider-no-source"));
        fx(() -> {
            list.getSelectionModel().select(list.getItems().stream().filter(x -> !x.custom()).findFirst().orElseThrow());
            return null;
        });
        assertTrue(visible(robot, "#provider-source"), "a catalogue provider's source opens");
        assertFalse(fx(source::isDisabled));
        // a filter that matches nothing says so instead of leaving the list blank
        fx(() -> {
            window.providersViewModel().filterProperty().set("no such provider anywhere");
            return null;
        });
        waitUntil(() -> list.getItems().isEmpty());
        assertEquals(I18n.t("providers.filter.none"), fx(() -> ((Label) list.getPlaceholder()).getText()));
    }

    @Test
    @DisplayName("custom provider: a TLS name whose label mixes scripts (a Cyrillic 'а' in quad9) is refused on leaving "
            + "the field, saying the scripts and the ASCII form; the ASCII form is taken")
    void mixedScriptTlsNameInTheDialog(FxRobot robot) throws Exception {
        refusedThenTakenInItsAsciiForm(robot, "dns.qu\u0430d9.net", "TLS name 'dns.qu\u0430d9.net' mixes scripts in one "
                + "label, as look-alikes of other names do (Latin q, u, d; Cyrillic \u0430 (U+0430)); its ASCII form, which "
                + "the server's certificate must hold, is dns.xn--qud9-63d.net: if that is the name you mean, enter it so.",
                "dns.xn--qud9-63d.net");
    }

    @Test
    @DisplayName("custom provider: a TLS name with a label wholly of Cyrillic letters that read as Latin ('ԁпѕ' under "
            + ".example) is refused on leaving the field, naming the label, its letters and the ASCII form; that is taken")
    void wholeScriptLookAlikeTlsNameInTheDialog(FxRobot robot) throws Exception {
        refusedThenTakenInItsAsciiForm(robot, "\u0501\u043f\u0455.example", "TLS name '\u0501\u043f\u0455.example' has a "
                + "label, '\u0501\u043f\u0455', written only in letters that look like Latin ones (Cyrillic \u0501 (U+0501), "
                + "\u043f (U+043F), \u0455 (U+0455)), and not under a top-level domain in that script, as look-alikes of "
                + "Latin names are; its ASCII form, which the server's certificate must hold, is xn--o1a8b84a.example: if "
                + "that is the name you mean, enter it so.", "xn--o1a8b84a.example");
    }

    /** Types a look-alike TLS name into a new custom provider: refused when the field is left, then its ASCII form saved. */
    private void refusedThenTakenInItsAsciiForm(FxRobot robot, String tlsName, String refusal, String ascii) throws Exception {
        openCustomProviderDialog(robot);
        robot.clickOn("#custom-name").write("Look-alike");
        robot.clickOn("#custom-addresses").write("198.18.77.9");
        robot.clickOn("#custom-tls").write(tlsName);
        CustomProviderForm form = window.providersViewModel().form();
        assertNull(fx(() -> form.errorProperty(CustomProviderForm.Field.TLS_NAME).get()), "not while typing");
        robot.clickOn("#custom-name");
        waitUntil(() -> visible(robot, "#custom-tls-error"));
        assertEquals(refusal, fx(() -> ((Label) robot.lookup("#custom-tls-error").query()).getText()));
        robot.clickOn("#custom-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(robot, "#custom-tls"), "the dialog stays open");
        assertFalse(fx(() -> window.model().chosen().stream().anyMatch(Provider::custom)));
        robot.clickOn("#custom-tls").type(javafx.scene.input.KeyCode.END).eraseText(tlsName.length()).write(ascii);
        robot.clickOn("#custom-name");
        waitUntil(() -> !visible(robot, "#custom-tls-error"));
        robot.clickOn("#custom-add");
        waitUntil(() -> window.model().chosen().stream().anyMatch(p -> p.custom() && ascii.equals(p.tlsName())));
    }

    @Test
    @DisplayName("custom provider: a long error, also after a shorter one, is shown whole (wrapped), never cut with '…'")
    void longErrorsAreShownWhole(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        Label error = robot.lookup("#custom-addresses-error").query();
        robot.clickOn("#custom-addresses").write("dot.test");
        robot.clickOn("#custom-tls");
        waitUntil(() -> visible(robot, "#custom-addresses-error"));
        assertShownWhole(error);
        for (String typed : List.of("192.0.2.10 fe80::1%eth0", "2001:db8::1%eth0")) {
            String before = fx(error::getText);
            robot.doubleClickOn("#custom-addresses").eraseText(40).write(typed);
            robot.clickOn("#custom-tls");
            waitUntil(() -> !before.equals(fx(error::getText)));
            for (int i = 0; i < 3; i++) {
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertShownWhole(error);
        }
    }

    /** The label's text as drawn equals its text: nothing cut off with an ellipsis. */
    private static void assertShownWhole(Label label) throws Exception {
        String drawn = fx(() -> ((javafx.scene.text.Text) label.lookup(".text")).getText());
        assertEquals(fx(label::getText), drawn, "the error is cut off");
    }

    @Test
    @DisplayName("custom provider: after fixing a refused address one click on Save and use saves (the cleared error does not move the button)")
    void oneClickSavesAfterAFixedAddress(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        robot.clickOn("#custom-name").write("Lab DoT");
        robot.clickOn("#custom-tls").write("dot.test");
        robot.clickOn("#custom-addresses").write("dot.test");
        robot.clickOn("#custom-tls");
        waitUntil(() -> visible(robot, "#custom-addresses-error"));
        Node tls = robot.lookup("#custom-tls").query();
        javafx.geometry.Point2D tlsAt = fx(() -> tls.localToScreen(0, 0));
        robot.doubleClickOn("#custom-addresses").eraseText(20).write("198.18.0.2");
        waitUntil(() -> !visible(robot, "#custom-addresses-error")); // typed right: the error goes at once
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(tlsAt, fx(() -> tls.localToScreen(0, 0)), "the field below stays where the pointer is going");
        Node save = robot.lookup("#custom-add").query();
        javafx.geometry.Point2D before = fx(() -> save.localToScreen(0, 0));
        fx(() -> { // what pressing the button does first: the field loses the focus, its error clears
            tls.requestFocus();
            return null;
        });
        waitUntil(() -> !visible(robot, "#custom-addresses-error"));
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(before, fx(() -> save.localToScreen(0, 0)), "Save and use stays under the pointer");
        robot.clickOn("#custom-addresses");
        robot.clickOn("#custom-add"); // once
        waitUntil(() -> window.model().chosen().stream().anyMatch(Provider::custom));
    }

    @Test
    @DisplayName("custom provider: messages appearing and going move neither the fields nor Save and use "
            + "(walkthrough: Save moved from y 496 to 512 to 548, a second click aimed at it landed on a field)")
    void messagesMoveNothing(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        Node save = robot.lookup("#custom-add").query();
        Node tls = robot.lookup("#custom-tls").query();
        java.util.function.Supplier<List<javafx.geometry.Point2D>> places = () -> List.of(save.localToScreen(0, 0),
                tls.localToScreen(0, 0));
        List<javafx.geometry.Point2D> before = fx(places::get);
        robot.clickOn("#custom-addresses").write("dns.example.net"); // the longest usual refusal
        robot.clickOn("#custom-tls").write("bad name!.example");
        robot.clickOn("#custom-add"); // the name is empty too: three messages
        waitUntil(() -> visible(robot, "#custom-name-error") && visible(robot, "#custom-addresses-error")
                && visible(robot, "#custom-tls-error"));
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(before, fx(places::get), "with the messages shown");
        robot.clickOn("#custom-name").write("Lab DoT");
        robot.doubleClickOn("#custom-addresses").eraseText(20).write("198.18.0.2");
        robot.doubleClickOn("#custom-tls").eraseText(20).write("dot.test");
        waitUntil(() -> !visible(robot, "#custom-name-error") && !visible(robot, "#custom-addresses-error")
                && !visible(robot, "#custom-tls-error"));
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(before, fx(places::get), "with the messages gone");
    }

    @Test
    @DisplayName("custom provider: the dialog grows with its errors (shown whole, buttons inside) and shows its placeholders whole")
    void customProviderDialogGrowsWithErrors(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        javafx.scene.control.TextField tls = robot.lookup("#custom-tls").query();
        javafx.scene.text.Text prompt = fx(() -> tls.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && tls.getPromptText().equals(t.getText()))
                .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow());
        double room = fx(() -> tls.getWidth() - tls.getInsets().getLeft() - tls.getInsets().getRight());
        assertTrue(fx(() -> prompt.getLayoutBounds().getWidth()) <= room, "the TLS name placeholder fits its field");

        robot.clickOn("#custom-name").write("Test");
        robot.clickOn("#custom-addresses").write("300.1.1.1, ::ffff:1.2.3.4");
        robot.clickOn("#custom-tls").write("bad name!.example");
        robot.clickOn("#custom-add");
        waitUntil(() -> visible(robot, "#custom-addresses-error") && visible(robot, "#custom-tls-error"));
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        List<String> cut = fx(() -> NarrowWindowTest.truncated(MainWindow.Screen.PROVIDERS, pane));
        assertTrue(cut.isEmpty(), String.join("\n", cut));
        for (Node b : fx(() -> pane.getButtonTypes().stream().map(pane::lookupButton).toList())) {
            String button = fx(() -> ((javafx.scene.control.Button) b).getText());
            javafx.geometry.Bounds in = fx(() -> b.localToScene(b.getBoundsInLocal()));
            double[] scene = fx(() -> new double[]{b.getScene().getWidth(), b.getScene().getHeight()});
            assertTrue(in.getMaxX() <= scene[0] && in.getMaxY() <= scene[1], button + " at " + in + " in a dialog "
                    + scene[0] + " x " + scene[1]);
        }
    }

    @Test
    @DisplayName("custom provider in German: leaving the address field with 300.1.2.3 says so in German, with the value")
    void customProviderDialogInGerman(FxRobot robot) throws Exception {
        openCustomProviderDialog(robot);
        robot.clickOn("#custom-addresses").write("300.1.2.3");
        // the window speaks German on the JavaFX thread while the focus leaves the field (the check runs right then)
        Node tls = robot.lookup("#custom-tls").query();
        fx(() -> I18n.in(Locale.GERMAN, () -> {
            tls.requestFocus();
            return null;
        }));
        waitUntil(() -> visible(robot, "#custom-addresses-error"));
        Label error = robot.lookup("#custom-addresses-error").query();
        assertEquals("Adresse „300.1.2.3“ ist keine IPv4- oder IPv6-Adresse.", fx(error::getText));
    }

    @Test
    @DisplayName("a refused apply in German: the sheet says why in German, with the server")
    void refusedApplyInGerman(FxRobot robot) throws Exception {
        openPlaintextMachine();
        fx(() -> I18n.in(Locale.GERMAN, () -> {
            window.applyViewModel().beginApplyOrExplain(() -> new org.port853.core.DesiredSettings(
                    List.of(ServerAddress.parse("192.0.2.53")), DotMode.STRICT, org.port853.core.DnssecMode.NO, true, List.of()));
            return null;
        }));
        waitUntil(() -> visible(robot, "#apply-summary"));
        Label summary = robot.lookup("#apply-summary").query();
        assertTrue(fx(summary::getText).startsWith("Diese Einstellungen können nicht angewendet werden: der strikte Modus "
                + "braucht einen TLS-Namen für 192.0.2.53 (geschrieben als 192.0.2.53#dns.example)"), fx(summary::getText));
    }
}
