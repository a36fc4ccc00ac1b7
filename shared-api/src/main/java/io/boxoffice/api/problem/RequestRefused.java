package io.boxoffice.api.problem;

/** A request refused with a {@link Problem}: thrown by a controller of any module, answered by the app. */
public final class RequestRefused extends RuntimeException {

    private final transient Problem problem;

    RequestRefused(Problem problem) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
