/**
 * The signs layer: what each variable message sign shows, from the retained {@code signs/{id}}
 * topics (decoded by the one codec, {@code core.sign.SignFrameCodec}; name and position come
 * with each frame), and an audit log of every change this instance saw.
 */
package de.parkleit.dashboard.signs;
