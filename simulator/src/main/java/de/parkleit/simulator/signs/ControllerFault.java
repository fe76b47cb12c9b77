package de.parkleit.simulator.signs;

/** A fault the simulated controller can be told to have for a sign (or for all). */
public enum ControllerFault {
    /** Answers at once with the frame it now displays. */
    NONE,
    /** Displays the frame but answers only after the slow delay (5 s unless set): a bridge with a shorter timeout sees a timeout. */
    SLOW,
    /** Answers 500 (problem JSON) and keeps displaying what it did. */
    ERROR,
    /** Displays something else than it was sent (a blank sign for a frame with lines, as a controller with a broken
     *  module would) and echoes that. */
    WRONG_ECHO
}
