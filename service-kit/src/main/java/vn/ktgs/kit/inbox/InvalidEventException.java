package vn.ktgs.kit.inbox;

/** The event is malformed or breaks the contract: retrying cannot help, so it is parked on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
