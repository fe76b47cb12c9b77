package de.parkleit.ingest.decode;

import java.util.Locale;

/** Why a message was rejected; the wire name is the last level of its dead-letter topic and the metric tag. */
public enum RejectReason {
    /** Payload larger than the configured limit (4 KiB by default). */
    TOO_LARGE,
    /** Payload is not valid UTF-8. */
    INVALID_UTF8,
    /** Payload is not JSON, or not the JSON shape the topic expects. */
    MALFORMED_JSON,
    /** A field has the wrong JSON type (a string where a number belongs, a fraction where an integer belongs). */
    WRONG_TYPE,
    /** A required field is missing. */
    MISSING_FIELD,
    /** A value lies outside what the field can mean (negative counts, speeds over 400 km/h, ...). */
    OUT_OF_RANGE,
    /** The timestamp is not ISO-8601. */
    BAD_TIMESTAMP,
    /** The timestamp lies more than the allowed skew in the future. */
    FUTURE_TIMESTAMP,
    /** The facility id is not one of the city's facilities. */
    UNKNOWN_FACILITY,
    /** A LoRaWAN or SenML device is not in the device mapping. */
    UNKNOWN_DEVICE,
    /** The topic is not a v1 input topic, or its ids are invalid. */
    UNKNOWN_TOPIC,
    /** The store refused the readings as invalid (they passed validation: a bug or a schema mismatch). */
    STORE_REJECTED,
    /**
     * The message's gateway sent more than its budget ({@code PARKLEIT_INGEST_GATEWAY_RATE}): dropped before decoding.
     * Every one is counted; one per gateway and minute is dead-lettered, so a flood does not flood the dead letters.
     */
    THROTTLED,
    /** Something unexpected went wrong while handling the message (a bug: counted, never thrown). */
    INTERNAL_ERROR;

    /** {@code too_large}, {@code malformed_json}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
