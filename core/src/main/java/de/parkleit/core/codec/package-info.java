/** JSON codecs of the wire contract that more than one service needs (state topics, native reading encoding). */
package de.parkleit.core.codec;
