package vn.ktgs.complaints.denunciation;

import vn.ktgs.complaints.denunciation.DenunciationCodes.NotHandled;

import java.util.ArrayList;
import java.util.List;

/** Whether a letter is handled as a denunciation (DOMAIN §7.7): every reason not to, from the letter and the findings. */
public final class DenunciationRules {
    private DenunciationRules() {
    }

    static List<NotHandled> notHandled(Denunciation d, int accused, DenunciationRequests.Screening s, int severalSignatories) {
        List<NotHandled> out = new ArrayList<>();
        if (d.denouncerCount == 0) {
            out.add(NotHandled.ANONYMOUS);
        }
        if (s.impersonated()) {
            out.add(NotHandled.IMPERSONATED);
        }
        if (s.noClearAddress()) {
            out.add(NotHandled.NO_CLEAR_ADDRESS);
        }
        if (s.repeatWithoutNewEvidence()) {
            out.add(NotHandled.REPEAT_WITHOUT_NEW_EVIDENCE);
        }
        if (s.noSpecificContent()) {
            out.add(NotHandled.NO_SPECIFIC_CONTENT);
        }
        if (accused == 0) {
            out.add(NotHandled.NOT_ABOUT_PARTY);
        }
        if (d.denouncerCount > 0 && !d.signedInPerson) {
            out.add(NotHandled.NOT_SIGNED_IN_PERSON);
        }
        if (d.denouncerCount >= severalSignatories) {
            out.add(NotHandled.SIGNED_BY_SEVERAL);
        }
        if (s.noLegalCapacity()) {
            out.add(NotHandled.NO_LEGAL_CAPACITY);
        }
        if (s.alsoAppeals()) {
            out.add(NotHandled.HANDLED_AS_APPEAL);
        }
        return out;
    }

    /** An anonymous letter with a specific content about the Party is still a lead for an inspection on signs of violation. */
    static boolean isLead(List<NotHandled> reasons) {
        return reasons.contains(NotHandled.ANONYMOUS) && !reasons.contains(NotHandled.NO_SPECIFIC_CONTENT)
                && !reasons.contains(NotHandled.NOT_ABOUT_PARTY);
    }
}
