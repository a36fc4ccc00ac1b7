package io.boxoffice.command.refusal;

import io.boxoffice.api.command.Refusal;

/**
 * A command handler's "no". It never reaches a dispatcher as itself: {@link RefusalReportingCommandBus} hands on
 * its {@link #refusal()} as the details of a {@code CommandExecutionException}, as a remote handler's would arrive.
 */
public abstract class CommandRefusedException extends RuntimeException {

    private final Refusal.Reason reason;

    protected CommandRefusedException(Refusal.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Refusal refusal() {
        return Refusal.of(reason, getMessage());
    }
}
