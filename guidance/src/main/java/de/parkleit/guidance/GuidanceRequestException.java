package de.parkleit.guidance;

/** A guidance request parameter is out of range; {@link #parameter()} names it. */
public final class GuidanceRequestException extends IllegalArgumentException {

    private final String parameter;

    public GuidanceRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
