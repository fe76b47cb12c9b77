/** Sign positions proposed on the main roads entering a city area, for a planner to confirm. */
package de.parkleit.cityinit.signs;
