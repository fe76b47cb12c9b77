package de.parkleit.cityinit.check;

/** One line of the check report: how bad, about what, and what was found. */
public record Finding(Severity severity, String subject, String text) {

    /** {@code ERROR}: the city cannot run like this; {@code WARNING}: it runs, but a planner should look. */
    public enum Severity { ERROR, WARNING, INFO }
}
