package org.port853.ui.apply;

import java.util.stream.Collectors;
import org.port853.probe.doctor.CheckStatus;
import org.port853.probe.pins.ServerPins;
import org.port853.ui.common.I18n;
import org.port853.ui.diagnostics.CheckTexts;

/** The applied servers' pins as the apply result shows them: one line per server, then any problem. */
final class PinsText {
    private PinsText() {
    }

    static String of(ServerPins.Result r) {
        // the check's words name the key themselves: the line does not repeat it
        String lines = r.pins().stream().map(p -> I18n.t(p.check().status() == CheckStatus.FAILURE
                ? "apply.pins.changed" : "apply.pins.line", p.server(), CheckTexts.of(p.check()).evidence()))
                .collect(Collectors.joining("\n"));
        return r.problem() == null ? lines : lines + (lines.isEmpty() ? "" : "\n") + I18n.t("apply.pins.failed",
                org.port853.ui.common.Errors.systemText(r.problem()));
    }
}
