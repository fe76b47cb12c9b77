package de.parkleit.platform.http;

/**
 * An error the HTTP edge turns into RFC 9457 problem JSON. Subclasses name the common cases; the
 * {@code type} is a short slug under {@code https://parkleit.de/problems/}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ApiException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail);
    }

    public static ApiException invalidParameter(String name, String detail) {
        return new ApiException(400, "invalid-parameter", "Invalid parameter '" + name + "'", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", "Service unavailable", detail);
    }
}
