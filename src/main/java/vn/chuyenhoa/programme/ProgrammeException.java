package vn.chuyenhoa.programme;

import java.util.List;

/** Why the programme service did not record a step; each kind maps to one HTTP answer. */
abstract sealed class ProgrammeException extends RuntimeException {

    ProgrammeException(String message) {
        super(message, null, false, false);
    }

    /** Bad input, one refusal per field (400); nothing was stored. */
    public static final class Invalid extends ProgrammeException {
        private final List<Refusal> refusals;

        Invalid(List<Refusal> refusals) {
            super(refusals.toString());
            this.refusals = List.copyOf(refusals);
        }

        public List<Refusal> refusals() { return refusals; }
    }

    /** The area is not in that year's programme (404). */
    public static final class NotFound extends ProgrammeException {
        private final String messageVi;

        NotFound(String message, String messageVi) {
            super(message);
            this.messageVi = messageVi;
        }

        public String messageVi() { return messageVi; }
    }

    /**
     * The lifecycle does not allow the step from the area's state (409).
     *
     * @see #moves() what the lifecycle allows instead, and what it will allow later
     */
    public static final class NotAllowed extends ProgrammeException {
        private final AreaStatus status;
        private final AreaState requested;

        NotAllowed(AreaStatus status, AreaState requested) {
            super("from " + status.state() + " to " + requested);
            this.status = status;
            this.requested = requested;
        }

        public AreaStatus status() { return status; }

        public AreaState requested() { return requested; }

        public List<Move> moves() { return status.moves(); }
    }

    /** The step conflicts with what is already stored (409): the area is already in that year, or was just changed. */
    public static final class Conflict extends ProgrammeException {
        private final String type;
        private final String messageVi;

        Conflict(String type, String message, String messageVi) {
            super(message);
            this.type = type;
            this.messageVi = messageVi;
        }

        public String type() { return type; }

        public String messageVi() { return messageVi; }
    }
}
