package vn.ktgs.discipline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.kit.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secret vote's count (DOMAIN §6): a form passes with more than half of the whole denominator (official members,
 * or members of the body, less those excluded); if no form reaches it on its own, votes are added from the most
 * severe form down, so the heaviest form that a majority backs at least is the result. A body that cannot expel
 * itself (a cell) only proposes expulsion, which needs two thirds of the official members; below that the expulsion
 * votes still count toward the lighter forms, and the file still goes up.
 */
public final class VoteTally {
    static final String DECIDE = "discipline.vote.decide";
    static final String PROPOSE_EXPULSION = "discipline.vote.propose-expulsion";

    private VoteTally() {
    }

    /** A fraction from the rule set: votes / denominator must be above it ({@code strict}) or at least it. */
    record Threshold(int numerator, int denominator, boolean strict) {
        static Threshold of(JsonNode v) {
            return new Threshold(v.path("numerator").asInt(), v.path("denominator").asInt(), v.path("strict").asBoolean());
        }

        boolean met(long votes, long whole) {
            long lhs = votes * denominator;
            long rhs = (long) numerator * whole;
            return strict ? lhs > rhs : lhs >= rhs;
        }
    }

    /** One step of the count: the form, its own votes and the votes added from the forms above it. */
    public record Line(Form form, int votes, int cumulative, boolean reached) {
    }

    /**
     * @param result the form the vote resolved on, or null if none reached its threshold (no discipline)
     * @param expulsionProposed whether the body proposed expulsion to the upper body (it voted on expulsion and cannot expel)
     * @param expulsionProposalReached whether two thirds proposed it; null if there was no expulsion proposal
     */
    public record Result(Form result, List<Line> lines, boolean expulsionProposed, Boolean expulsionProposalReached) {
    }

    /**
     * @param severityAscending the forms of the subject, least severe first (rule set)
     * @param yes the yes votes per form
     * @param denominator the whole: official members less those excluded
     * @param mayExpel whether the voting body may decide expulsion itself
     */
    public static Result count(RuleSet rules, List<Form> severityAscending, Map<Form, Integer> yes, int denominator, boolean mayExpel) {
        Threshold decide = Threshold.of(rules.value(DECIDE));
        Threshold proposeExpulsion = Threshold.of(rules.value(PROPOSE_EXPULSION));
        boolean expulsionProposed = !mayExpel && yes.getOrDefault(Form.EXPULSION, 0) > 0;
        Boolean proposalReached = null;
        List<Line> lines = new ArrayList<>();
        Form result = null;
        int cumulative = 0;
        for (int i = severityAscending.size() - 1; i >= 0; i--) {
            Form f = severityAscending.get(i);
            int votes = yes.getOrDefault(f, 0);
            cumulative += votes;
            boolean reached;
            if (f == Form.EXPULSION && expulsionProposed) {
                reached = proposeExpulsion.met(votes, denominator);
                proposalReached = reached;
            } else {
                reached = decide.met(cumulative, denominator);
            }
            lines.add(new Line(f, votes, cumulative, reached));
            if (reached && result == null) {
                result = f;
            }
        }
        return new Result(result, lines, expulsionProposed, proposalReached);
    }
}
