package de.parkleit.cityinit.area;

/** The part of a region a city keeps: a test for positions and the box around it. */
public interface Area {

    boolean contains(double lat, double lon);

    BoundingBox bounds();

    /** How the area was given, for the report ({@code bbox 8.6,49.3,8.7,49.4}). */
    String describe();
}
