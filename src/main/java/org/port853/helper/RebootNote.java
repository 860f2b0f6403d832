package org.port853.helper;

import java.nio.file.Path;
import org.port853.core.Sentence;
import org.port853.helper.UnitEnablement.AtBoot;
import org.port853.platform.ApplyResult;

/**
 * What a harden or its undo says about the next boot. A user told only "dropped" believes port 53 stays closed, and after
 * a reboot it is open again; so every step still missing (the include line, enabling nftables.service) is said at once,
 * with its command, instead of one per run. An undo that leaves an include of the removed file by name says so: loading
 * the boot configuration then fails as a whole, and the service loads none of the user's other rules. {@code systemctl}
 * is asked whether nftables.service starts at boot.
 */
record RebootNote(Path ruleFile, Path systemctl) {
    /** {@code done} as it is when the rule comes back at boot, else with what is missing to keep it. */
    Sentence afterHarden(Sentence done) {
        Path config = NftablesBoot.configFor(ruleFile);
        boolean included = NftablesBoot.includes(config, ruleFile);
        AtBoot service = NftablesService.atBoot(systemctl, NftablesBoot.rootOf(ruleFile));
        String glob = ruleFile.getParent() + "/*.nft";
        String enable = NftablesService.enableCommand(service);
        int masked = service == AtBoot.MASKED ? 1 : 0;
        String off = masked == 1 ? "masked" : "not enabled";
        if (!included && service != AtBoot.ON) {
            return Sentence.of(done.english() + ", until the next reboot: " + config + " does not include " + ruleFile
                    + ", and nftables.service, which loads it at boot, is " + off + "; to keep the rule, add the line "
                    + "include \"" + glob + "\" to " + config + " and run " + enable,
                    ApplyResult.HARDENED_UNTIL_REBOOT_SERVICE_OFF, done, config, ruleFile, glob, masked, enable);
        }
        if (!included) {
            return Sentence.of(done.english() + ", until the next reboot: " + config + " does not include " + ruleFile
                    + " (add the line include \"" + glob + "\" to it to keep the rule)", ApplyResult.HARDENED_UNTIL_REBOOT,
                    done, config, ruleFile, glob);
        }
        if (service != AtBoot.ON) {
            return Sentence.of(done.english() + ", until the next reboot: nftables.service, which loads " + config
                    + " at boot, is " + off + " (" + enable + ")", ApplyResult.HARDENED_SERVICE_OFF, done, config, masked,
                    enable);
        }
        return done;
    }

    /** {@code done} as it is, or with the include line by name that now names a file that is gone. */
    Sentence afterUndo(Sentence done) {
        Path config = NftablesBoot.configFor(ruleFile);
        if (!NftablesBoot.includesByName(config, ruleFile)) {
            return done;
        }
        return Sentence.of(done.english() + "; " + config + " still includes " + ruleFile + " by name: remove that "
                + "line, or loading " + config + " fails as a whole (nftables.service at boot, nft -f) and none of its "
                + "rules take effect", ApplyResult.UNHARDENED_INCLUDE_LEFT, done, config, ruleFile);
    }
}
